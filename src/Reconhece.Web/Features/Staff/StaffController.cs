using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Staff;

/// <summary>Equipe: the owner gives and takes away access. Ids of another business answer 404.</summary>
[Authorize(Policy = Policies.Owner), Route("/equipe")]
public sealed class StaffController(
    AppDbContext db, UserManager<AppUser> users, SaveStaffMember save, SessionStore sessions, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var changes = new ChangeList(await ChangeLog.RecentAsync(db, SaveStaffMember.AuditSubject, ct), (await db.BusinessAsync(ct)).Zone);
        var rows = await db.Users
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.FullName)
            .Select(u => new StaffRow(u.Id, u.FullName, u.Email!, u.PhoneNumber,
                db.Branches.Where(b => b.Id == u.BranchId).Select(b => b.Name).FirstOrDefault(),
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefault() ?? "",
                u.IsActive))
            .ToListAsync(ct);
        return View(new StaffPage(rows, changes));
    }

    [HttpGet("novo")]
    public async Task<IActionResult> Create(CancellationToken ct) => View("Edit", await FormAsync(null, new StaffInput(), ct));

    [HttpPost("novo")]
    public async Task<IActionResult> Create(StaffInput input, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(null, input, ct, ActorId);
            if (result.Succeeded)
            {
                TempData["Flash"] = t["{0} já pode entrar com o e-mail {1}.", result.Value!.FullName, result.Value.Email!].Value;
                return RedirectToAction(nameof(Index));
            }
            result.CopyTo(ModelState);
        }
        return View("Edit", await FormAsync(null, input, ct));
    }

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return NotFound();
        if (await IsPlatformAdminAsync(user)) return PlatformAccountRefused();
        var input = new StaffInput
        {
            FullName = user.FullName, Email = user.Email!, BranchId = user.BranchId,
            Mobile = BrazilianPhone.Format(user.PhoneNumber),
            Role = (await users.GetRolesAsync(user)).FirstOrDefault(Roles.All.Contains) ?? Roles.Staff,
        };
        return View(await FormAsync(id, input, ct));
    }

    [HttpPost("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, StaffInput input, CancellationToken ct)
    {
        var target = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (target is null) return NotFound();
        if (await IsPlatformAdminAsync(target)) return PlatformAccountRefused();
        if (IsMe(id)) input.Role = Roles.Owner; // an owner cannot demote themselves and leave the business without one
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(id, input, ct, ActorId);
            if (result.Succeeded)
            {
                TempData["Flash"] = t["Cadastro de {0} atualizado.", result.Value!.FullName].Value;
                return RedirectToAction(nameof(Index));
            }
            result.CopyTo(ModelState);
        }
        return View(await FormAsync(id, input, ct));
    }

    [HttpPost("{id:guid}/desativar")]
    public Task<IActionResult> Deactivate(Guid id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [HttpPost("{id:guid}/reativar")]
    public Task<IActionResult> Reactivate(Guid id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return NotFound();
        if (await IsPlatformAdminAsync(user)) return PlatformAccountRefused();
        if (IsMe(id))
        {
            TempData["FlashError"] = t["Você não pode desativar o seu próprio acesso."].Value;
            return RedirectToAction(nameof(Index));
        }
        var before = await save.DescribeAsync(id, passwordChanged: false, ct);
        user.IsActive = active;
        // Deactivated: every open session ends now on this instance (the server-side sessions), and within
        // a minute on any other (the security stamp is re-checked every minute).
        await users.UpdateSecurityStampAsync(user);
        if (!active) await sessions.EndAllAsync(db, id);
        ChangeLog.Record(db, ActorId, clock.GetUtcNow().UtcDateTime, SaveStaffMember.AuditSubject, id, before,
            await save.DescribeAsync(id, passwordChanged: false, ct));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = (active ? t["Acesso de {0} reativado.", user.FullName] : t["Acesso de {0} desativado.", user.FullName]).Value;
        return RedirectToAction(nameof(Index));
    }

    private bool IsMe(Guid id) => users.GetUserId(User) == id.ToString();

    private Guid ActorId => Guid.Parse(users.GetUserId(User)!);

    /// <summary>
    /// A platform administrator is not the business's to manage: an owner cannot edit, reset or deactivate
    /// one (the account may belong to this business, but the role runs the whole platform). Their own
    /// account stays theirs to edit.
    /// </summary>
    private async Task<bool> IsPlatformAdminAsync(AppUser user) => !IsMe(user.Id) && await users.IsInRoleAsync(user, Roles.PlatformAdmin);

    private RedirectToActionResult PlatformAccountRefused()
    {
        TempData["FlashError"] = t["Este acesso pertence à administração da plataforma e não pode ser alterado aqui."].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<StaffForm> FormAsync(Guid? id, StaffInput input, CancellationToken ct)
    {
        var branches = await db.Branches.Where(b => b.IsActive).OrderBy(b => b.Name)
            .Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        ViewData["IsMe"] = id is not null && IsMe(id.Value);
        return new StaffForm(id, input, branches.Select(b => (b.Id, b.Name)).ToList());
    }
}
