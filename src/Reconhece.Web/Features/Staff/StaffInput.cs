using System.ComponentModel.DataAnnotations;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Staff;

public sealed class StaffInput
{
    [Display(Name = "Nome")]
    [Required(ErrorMessage = "Informe o nome.")]
    [StringLength(120, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string FullName { get; set; } = "";

    [Display(Name = "E-mail")]
    [Required(ErrorMessage = "Informe o e-mail, que será usado para entrar.")]
    [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Email { get; set; } = "";

    [Display(Name = "Celular")]
    public string? Mobile { get; set; }

    [Display(Name = "Filial")]
    [Required(ErrorMessage = "Escolha a filial.")]
    public Guid? BranchId { get; set; }

    [Display(Name = "Papel")]
    public string Role { get; set; } = Domain.Roles.Staff;

    /// <summary>Required when adding; when editing, filled only to set a new password.</summary>
    [Display(Name = "Senha")]
    [DataType(DataType.Password)]
    [StringLength(Identity.PasswordRules.MaxLength, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Password { get; set; }
}

public sealed record StaffPage(IReadOnlyList<StaffRow> Rows, ChangeList Changes);

public sealed record StaffRow(Guid Id, string FullName, string Email, string? Mobile, string? Branch, string Role, bool IsActive);

public sealed record StaffForm(Guid? Id, StaffInput Input, IReadOnlyList<(Guid Id, string Name)> Branches);
