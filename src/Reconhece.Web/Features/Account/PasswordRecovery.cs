using System.ComponentModel.DataAnnotations;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Account;

public sealed class ForgotPasswordInput
{
    [Display(Name = "E-mail")]
    [Required(ErrorMessage = "Informe o seu e-mail.")]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Email { get; set; } = "";
}

public sealed class ResetPasswordInput
{
    public Guid U { get; set; }
    public string T { get; set; } = "";

    [Display(Name = "Nova senha")]
    [Required(ErrorMessage = "Crie uma senha.")]
    [DataType(DataType.Password)]
    [StringLength(PasswordRules.MaxLength, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Password { get; set; } = "";
}

/// <summary>
/// "Esqueci minha senha": asks for the link (the same answer whether or not the email has an account; at
/// most 3 links per email an hour) and sets the new password (the link works once, for an hour; every
/// session of that person ends; the change is in the audit log).
/// </summary>
public sealed class PasswordRecovery(
    AppDbContext db, CurrentBusiness current, UserManager<AppUser> users, SessionStore sessions, IBackgroundJobClient jobs,
    IMemoryCache recent, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    private const int LinksPerHour = 3;

    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var normalized = users.NormalizeEmail(email.Trim());
        var count = recent.GetOrCreate("reset:" + normalized, e => { e.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1); return new int[1]; })!;
        if (Interlocked.Increment(ref count[0]) > LinksPerHour) return;
        if (await TenantDoors.FindUserAsync(db, normalized, null, ct) is { } found)
            jobs.Enqueue<AccountEmails>(j => j.PasswordResetAsync(found.BusinessId, found.UserId));
    }

    public async Task<FormResult<AppUser>> ResetAsync(ResetPasswordInput input, CancellationToken ct)
    {
        var errors = new FormErrors();
        var found = input.U == Guid.Empty ? null : await TenantDoors.FindUserAsync(db, null, input.U, ct);
        using var scope = found is null ? null : current.Use(found.BusinessId);
        var user = found is null ? null : await users.FindByIdAsync(found.UserId.ToString());
        if (user is not { IsActive: true })
        {
            errors.Add("", t["Link inválido ou expirado. Peça um novo em \"Esqueci minha senha\"."]);
            return errors.ToResult<AppUser>();
        }
        var result = await users.ResetPasswordAsync(user, input.T, input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                if (e.Code == "InvalidToken") errors.Add("", t["Link inválido ou expirado. Peça um novo em \"Esqueci minha senha\"."]);
                else errors.Add(nameof(input.Password), e.Description);
            return errors.ToResult<AppUser>();
        }
        // A reset also proves the address works.
        if (!user.EmailConfirmed) { user.EmailConfirmed = true; await users.UpdateAsync(user); }
        await sessions.EndAllAsync(db, user.Id);
        ChangeLog.Record(db, user.Id, clock.GetUtcNow().UtcDateTime, Staff.SaveStaffMember.AuditSubject, user.Id,
            new Dictionary<string, string> { [t["Senha"]] = "" }, new Dictionary<string, string> { [t["Senha"]] = t["alterada por \"Esqueci minha senha\""] });
        await db.SaveChangesAsync(ct);
        return FormResult.Ok(user);
    }
}
