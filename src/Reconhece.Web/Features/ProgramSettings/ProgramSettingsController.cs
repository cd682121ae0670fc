using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.ProgramSettings;

public sealed record ProgramForm(ProgramInput Input, decimal ExamplePoints, IReadOnlyList<Change> Changes, TimeZoneInfo Zone);

/// <summary>Configurações do programa (owner).</summary>
[Authorize(Policy = Policies.Owner), Route("/programa")]
public sealed class ProgramSettingsController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var program = (await db.BusinessAsync(ct)).Program;
        return View(await FormAsync(ProgramInput.From(program), program, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(ProgramInput input, [FromServices] SaveProgramSettings save, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(await FormAsync(input, (await db.BusinessAsync(ct)).Program, ct));
        var result = await save.HandleAsync(input, User.UserId(), ct);
        if (result.Succeeded)
        {
            TempData["Flash"] = t["Programa salvo. As novas regras valem para as próximas compras."].Value;
            return RedirectToAction(nameof(Edit));
        }
        result.CopyTo(ModelState);
        return View(await FormAsync(input, (await db.BusinessAsync(ct)).Program, ct));
    }

    private async Task<ProgramForm> FormAsync(ProgramInput input, LoyaltyProgram saved, CancellationToken ct)
    {
        return new ProgramForm(input, saved.Rule.PointsFor(45.90m, 1), await ChangeLog.RecentAsync(db, SaveProgramSettings.AuditSubject, ct), (await db.BusinessAsync(ct)).Zone);
    }
}
