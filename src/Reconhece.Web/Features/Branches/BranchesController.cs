using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Branches;

/// <summary>Filiais: the owner adds, renames and deactivates branches. Ids of another business answer 404.</summary>
[Authorize(Policy = Policies.Owner), Route("/filiais")]
public sealed class BranchesController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await db.Branches
        .OrderByDescending(b => b.IsActive).ThenBy(b => b.Name)
        .Select(b => new BranchRow(b.Id, b.Name, b.Address, b.IsActive, db.Users.Count(u => u.BranchId == b.Id && u.IsActive)))
        .ToListAsync(ct));

    [HttpGet("nova")]
    public IActionResult Create() => View("Edit", new BranchInput());

    [HttpPost("nova")]
    public async Task<IActionResult> Create(BranchInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View("Edit", input);
        db.Branches.Add(new Branch { Name = input.Name.Trim(), Address = Clean(input.Address), CreatedAt = clock.GetUtcNow().UtcDateTime });
        if (!await TrySaveAsync(ct)) return View("Edit", input);
        TempData["Flash"] = t["Filial cadastrada."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (branch is null) return NotFound();
        ViewData["Id"] = id;
        return View(new BranchInput { Name = branch.Name, Address = branch.Address });
    }

    [HttpPost("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, BranchInput input, CancellationToken ct)
    {
        var branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (branch is null) return NotFound();
        ViewData["Id"] = id;
        if (!ModelState.IsValid) return View(input);
        branch.Name = input.Name.Trim();
        branch.Address = Clean(input.Address);
        if (!await TrySaveAsync(ct)) return View(input);
        TempData["Flash"] = t["Filial atualizada."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/desativar")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken ct)
    {
        var branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (branch is null) return NotFound();
        if (branch.IsActive && await db.Branches.CountAsync(b => b.IsActive, ct) == 1)
        {
            TempData["FlashError"] = t["O negócio precisa de pelo menos uma filial ativa."].Value;
            return RedirectToAction(nameof(Index));
        }
        branch.IsActive = false;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Filial {0} desativada.", branch.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/reativar")]
    public async Task<IActionResult> Reactivate(Guid id, CancellationToken ct)
    {
        var branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (branch is null) return NotFound();
        branch.IsActive = true;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Filial {0} reativada.", branch.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError(nameof(BranchInput.Name), t["Já existe uma filial com este nome."]);
            return false;
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
