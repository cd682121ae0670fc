using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Staff;

/// <summary>Equipe: the owner gives and takes away access. Ids of another business answer 404.</summary>
[Authorize(Policy = Policies.Owner), Route("/equipe")]
public sealed class StaffController(AppDbContext db, UserManager<AppUser> users, SaveStaffMember save, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await db.Users
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.FullName)
            .Select(u => new StaffRow(u.Id, u.FullName, u.Email!, u.PhoneNumber,
                db.Branches.Where(b => b.Id == u.BranchId).Select(b => b.Name).FirstOrDefault(),
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefault() ?? "",
                u.IsActive))
            .ToListAsync(ct);
        return View(rows);
    }

    [HttpGet("novo")]
    public async Task<IActionResult> Create(CancellationToken ct) => View("Edit", await FormAsync(null, new StaffInput(), ct));

    [HttpPost("novo")]
    public async Task<IActionResult> Create(StaffInput input, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(null, input, ct);
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
        var input = new StaffInput
        {
            FullName = user.FullName, Email = user.Email!, BranchId = user.BranchId,
            Mobile = BrazilianPhone.Format(user.PhoneNumber),
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Staff,
        };
        return View(await FormAsync(id, input, ct));
    }

    [HttpPost("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, StaffInput input, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return NotFound();
        if (IsMe(id)) input.Role = Roles.Owner; // an owner cannot demote themselves and leave the business without one
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(id, input, ct);
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
        if (IsMe(id))
        {
            TempData["Flash"] = t["Você não pode desativar o seu próprio acesso."].Value;
            return RedirectToAction(nameof(Index));
        }
        user.IsActive = active;
        // A new security stamp ends the person's open sessions within a minute.
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] = (active ? t["Acesso de {0} reativado.", user.FullName] : t["Acesso de {0} desativado.", user.FullName]).Value;
        return RedirectToAction(nameof(Index));
    }

    private bool IsMe(Guid id) => users.GetUserId(User) == id.ToString();

    private async Task<StaffForm> FormAsync(Guid? id, StaffInput input, CancellationToken ct)
    {
        var branches = await db.Branches.Where(b => b.IsActive).OrderBy(b => b.Name)
            .Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        ViewData["IsMe"] = id is not null && IsMe(id.Value);
        return new StaffForm(id, input, branches.Select(b => (b.Id, b.Name)).ToList());
    }
}
