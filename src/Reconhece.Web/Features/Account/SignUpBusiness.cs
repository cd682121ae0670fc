using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Identity;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Account;

public sealed class SignUpBusinessInput
{
    [Display(Name = "Nome do negócio")]
    [Required(ErrorMessage = "Informe o nome do negócio.")]
    [StringLength(120, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string BusinessName { get; set; } = "";

    [Display(Name = "Seu nome")]
    [Required(ErrorMessage = "Informe o seu nome.")]
    [StringLength(120, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string OwnerName { get; set; } = "";

    [Display(Name = "E-mail")]
    [Required(ErrorMessage = "Informe o seu e-mail.")]
    [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Email { get; set; } = "";

    [Display(Name = "Celular")]
    [Required(ErrorMessage = "Informe o seu celular.")]
    public string Mobile { get; set; } = "";

    [Display(Name = "Senha")]
    [Required(ErrorMessage = "Crie uma senha.")]
    [DataType(DataType.Password)]
    [StringLength(Identity.PasswordRules.MaxLength, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Password { get; set; } = "";

    [Display(Name = "Nome da primeira filial")]
    [StringLength(80, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? FirstBranchName { get; set; }
}

/// <summary>"Cadastre seu negócio": the business, its first branch and its owner, all or nothing.</summary>
public sealed class SignUpBusiness(
    AppDbContext db, UserManager<AppUser> users, CurrentBusiness current, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const string DefaultBranchName = "Principal";

    public async Task<FormResult<AppUser>> HandleAsync(SignUpBusinessInput input, CancellationToken ct)
    {
        var errors = new FormErrors();
        var (mobile, problem) = BrazilianPhone.Read(input.Mobile);
        if (problem != PhoneProblem.None)
            errors.Add(nameof(input.Mobile), PhoneMessages.For(problem, input.Mobile, t));
        if (await TenantDoors.FindUserAsync(db, users.NormalizeEmail(input.Email.Trim()), null, ct) is not null)
            errors.Add(nameof(input.Email), t["Este e-mail já está cadastrado."]);
        foreach (var e in PasswordRules.Check(input.Password, input.Email.Trim(), input.BusinessName.Trim(), t))
            errors.Add(nameof(input.Password), e.Description);
        if (errors.Any) return errors.ToResult<AppUser>();

        var now = clock.GetUtcNow().UtcDateTime;
        var business = new Business { Id = Guid.CreateVersion7(), Name = input.BusinessName.Trim(), CreatedAt = now };
        business.Privacy.Slug = ProgramPage.BusinessSlug.For(business.Name);
        // From here on the new business is the one the database lets this request write.
        using var scope = current.Use(business.Id);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Businesses.Add(business);
        var branchName = string.IsNullOrWhiteSpace(input.FirstBranchName) ? DefaultBranchName : input.FirstBranchName.Trim();
        var branch = new Branch { Name = branchName, CreatedAt = now, BusinessId = business.Id };
        db.Branches.Add(branch);
        db.Programs.Add(new LoyaltyProgram { BusinessId = business.Id });
        try
        {
            await db.SaveChangesAsync(ct);
            var owner = new AppUser
            {
                BusinessId = business.Id, BranchId = branch.Id, FullName = input.OwnerName.Trim(),
                Email = input.Email.Trim(), UserName = input.Email.Trim(), PhoneNumber = mobile, CreatedAt = now,
            };
            var created = await users.CreateAsync(owner, input.Password);
            if (created.Succeeded) created = await users.AddToRoleAsync(owner, Roles.Owner);
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors) errors.Add(FieldOf(e.Code), e.Description);
                return errors.ToResult<AppUser>();
            }
            await tx.CommitAsync(ct);
            return FormResult.Ok(owner);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two sign-ups with one email at the same instant: the unique index decides.
            errors.Add(nameof(input.Email), t["Este e-mail já está cadastrado."]);
            return errors.ToResult<AppUser>();
        }
    }

    private static string FieldOf(string identityCode) =>
        identityCode.StartsWith("Password", StringComparison.Ordinal) ? nameof(SignUpBusinessInput.Password)
        : identityCode.Contains("Email", StringComparison.Ordinal) || identityCode.Contains("UserName", StringComparison.Ordinal)
            ? nameof(SignUpBusinessInput.Email) : "";
}
