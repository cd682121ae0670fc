using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.ProgramSettings;

public sealed record ProgramForm(ProgramInput Input, string Summary, IReadOnlyList<Change> Changes, TimeZoneInfo Zone);

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
        return new ProgramForm(input, ProgramSummary.Text(saved.Rule, saved.Goal, saved.RecognitionText, saved.UnitName, t),
            await ChangeLog.RecentAsync(db, SaveProgramSettings.AuditSubject, ct), (await db.BusinessAsync(ct)).Zone);
    }

    /// <summary>The summary for the values being typed (program.js); empty while they are not yet numbers.</summary>
    [HttpGet("resumo")]
    public IActionResult Summary(PointRuleKind ruleKind, string? valuePerPoint, PointRounding rounding, string? pointsPerUnit, string? unitName,
        string? goal, string? recognitionText)
    {
        var byUnit = ruleKind == PointRuleKind.ByUnit;
        if (!ModelState.IsValid || !Enum.IsDefined(ruleKind) || !Enum.IsDefined(rounding) || !MoneyText.TryParseReais(goal, out var g) || g <= 0
            || !MoneyText.TryParseReais(byUnit ? pointsPerUnit : valuePerPoint, out var n) || n <= 0)
            return Json(new { text = "" });
        var rule = new PointRule(ruleKind, byUnit ? 1m : n, rounding, byUnit ? n : 1m);
        return Json(new { text = ProgramSummary.Text(rule, g, string.IsNullOrWhiteSpace(recognitionText) ? t["o prêmio"] : recognitionText.Trim(), unitName?.Trim(), t) });
    }
}
