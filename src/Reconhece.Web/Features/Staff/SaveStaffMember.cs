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

/// <summary>Adds a person to the team, or edits one (name, email, branch, role, optionally a new password).</summary>
public sealed class SaveStaffMember(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<FormResult<AppUser>> HandleAsync(Guid? id, StaffInput input, CancellationToken ct)
    {
        var errors = new FormErrors();
        var mobile = "";
        if (!string.IsNullOrWhiteSpace(input.Mobile) && !BrazilianPhone.TryNormalizeMobile(input.Mobile, out mobile))
            errors.Add(nameof(input.Mobile), t["Informe um celular brasileiro válido, com DDD. Ex.: (11) 98765-4321."]);
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
        await tx.CommitAsync(ct);
        return FormResult.Ok(user);
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
            }
            var currentRoles = await users.GetRolesAsync(user);
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
        user.FullName = input.FullName.Trim();
        user.Email = email;
        user.UserName = email;
        user.PhoneNumber = mobile.Length > 0 ? mobile : null;
        user.BranchId = input.BranchId;
    }
}
