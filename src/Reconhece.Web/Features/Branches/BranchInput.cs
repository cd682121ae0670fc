using System.ComponentModel.DataAnnotations;

namespace Reconhece.Web.Features.Branches;

public sealed class BranchInput
{
    [Display(Name = "Nome da filial")]
    [Required(ErrorMessage = "Informe o nome da filial.")]
    [StringLength(80, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Name { get; set; } = "";

    [Display(Name = "Endereço")]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? Address { get; set; }
}

public sealed record BranchRow(Guid Id, string Name, string? Address, bool IsActive, int People);
