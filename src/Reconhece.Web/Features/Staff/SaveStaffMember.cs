using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Staff;

/// <summary>
/// Adds a person to the team, or edits one (name, email, branch, role, optionally a new password). Every
/// change is written to the audit log with who made it; a role the form does not show (Plataforma) is kept.
/// </summary>
public sealed class SaveStaffMember(
    AppDbContext db, UserManager<AppUser> users, Identity.SessionStore sessions, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const string AuditSubject = "Equipe";

    /// <summary>Adds (id null) or edits a person; <paramref name="actorId"/> is who makes the change (the audit log's "who"), null only for the demo seed.</summary>
    public async Task<FormResult<AppUser>> HandleAsync(Guid? id, StaffInput input, CancellationToken ct, Guid? actorId = null)
    {
        var errors = new FormErrors();
        var (mobile, problem) = BrazilianPhone.Read(input.Mobile);
        if (problem is not (PhoneProblem.None or PhoneProblem.Empty))
            errors.Add(nameof(input.Mobile), PhoneMessages.For(problem, input.Mobile, t));
        if (!Roles.All.Contains(input.Role))
            errors.Add(nameof(input.Role), t["Escolha um papel válido."]);
        if (!await db.Branches.AnyAsync(b => b.Id == input.BranchId && b.IsActive, ct))
            errors.Add(nameof(input.BranchId), t["Escolha uma filial ativa."]);
        if (id is null && string.IsNullOrEmpty(input.Password))
            errors.Add(nameof(input.Password), t["Crie uma senha para o primeiro acesso."]);

        var email = input.Email.Trim();
        // Emails sign people in, so they are unique across the platform: asked through the sign-in door.
        var owner = (await TenantDoors.FindUserAsync(db, users.NormalizeEmail(email), null, ct))?.UserId;
        if (owner is not null && owner != id) errors.Add(nameof(input.Email), t["Este e-mail já está cadastrado."]);
        if (errors.Any) return errors.ToResult<AppUser>();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AppUser user;
        IdentityResult result;
        var before = id is null ? null : await DescribeAsync(id.Value, passwordChanged: false, ct);
        try
        {
            (user, result) = await WriteAsync(id, input, email, mobile, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone else took this email at the same instant: the unique index decides.
            errors.Add(nameof(input.Email), t["Este e-mail já está cadastrado."]);
            return errors.ToResult<AppUser>();
        }
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            foreach (var e in result.Errors)
                errors.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(input.Password) : nameof(input.Email), e.Description);
            return errors.ToResult<AppUser>();
        }
        if (actorId is not null)
        {
            var after = await DescribeAsync(user.Id, passwordChanged: !string.IsNullOrEmpty(input.Password), ct);
            var at = clock.GetUtcNow().UtcDateTime;
            if (before is not null) ChangeLog.Record(db, actorId.Value, at, AuditSubject, user.Id, before, after);
            else // a new person: one line says who was given access, as what and where
                ChangeLog.Record(db, actorId.Value, at, AuditSubject, user.Id, new Dictionary<string, string> { [t["Acesso"]] = "" },
                    new Dictionary<string, string> { [t["Acesso"]] = t["criado: {0} em {1}", after[t["Papel"]], after[t["Filial"]]] });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return FormResult.Ok(user);
    }

    /// <summary>A person as the audit log shows them, one entry per field.</summary>
    public async Task<Dictionary<string, string>> DescribeAsync(Guid userId, bool passwordChanged, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().Where(x => x.Id == userId).Select(x => new
        {
            x.FullName, x.Email, x.PhoneNumber, x.IsActive,
            Branch = db.Branches.Where(b => b.Id == x.BranchId).Select(b => b.Name).FirstOrDefault(),
            Roles = db.UserRoles.Where(r => r.UserId == x.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
        }).SingleAsync(ct);
        return new()
        {
            [t["Pessoa"]] = u.FullName, [t["E-mail"]] = u.Email ?? "", [t["Celular"]] = BrazilianPhone.Format(u.PhoneNumber),
            [t["Filial"]] = u.Branch ?? "", [t["Papel"]] = string.Join(", ", u.Roles.Order(StringComparer.Ordinal)),
            [t["Acesso"]] = u.IsActive ? t["ativo"] : t["desativado"], [t["Senha"]] = passwordChanged ? t["alterada"] : "",
        };
    }


    private async Task<(AppUser, IdentityResult)> WriteAsync(Guid? id, StaffInput input, string email, string mobile, CancellationToken ct)
    {
        AppUser user;
        IdentityResult result;
        if (id is null)
        {
            user = new AppUser { FullName = input.FullName.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
            Apply(user, input, email, mobile);
            result = await users.CreateAsync(user, input.Password!);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, input.Role);
        }
        else
        {
            user = await db.Users.FirstAsync(u => u.Id == id, ct);
            Apply(user, input, email, mobile);
            result = await users.UpdateAsync(user);
            if (result.Succeeded && !string.IsNullOrEmpty(input.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                result = await users.ResetPasswordAsync(user, token, input.Password);
                // A new password ends every session of that person.
                if (result.Succeeded) await sessions.EndAllAsync(db, user.Id);
            }
            // Only the business roles the form shows change; any other (Plataforma) stays.
            var currentRoles = (await users.GetRolesAsync(user)).Where(Roles.All.Contains).ToList();
            if (result.Succeeded && !currentRoles.SequenceEqual([input.Role]))
            {
                result = await users.RemoveFromRolesAsync(user, currentRoles);
                if (result.Succeeded) result = await users.AddToRoleAsync(user, input.Role);
            }
        }
        return (user, result);
    }

    private static void Apply(AppUser user, StaffInput input, string email, string mobile)
    {
        // A new address must be confirmed again before reports go to it.
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            user.EmailConfirmed = false;
            user.ConfirmationSentAt = null;   // the daily limit is per address: a new one may get its link now
        }
        user.FullName = input.FullName.Trim();
        user.Email = email;
        user.UserName = email;
        user.PhoneNumber = mobile.Length > 0 ? mobile : null;
        user.BranchId = input.BranchId;
    }
}
