using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.ProgramPage;

public sealed record ProgramPageModel(
    string BusinessName, string Rule, string GoalSentence, bool CollectName, bool CollectEmail, bool CollectBirthDate,
    string? PageText, int? RetentionYears, string Url);

/// <summary>
/// The programme's public page (/p/{slug}) and its counter poster: the rules, what is collected and why,
/// for how long, who sees it and how to exercise each right (LGPD art. 9 and 18; docs/lgpd.md).
/// Open to anyone: the business is found through its door, then read under its own tenancy.
/// </summary>
[AllowAnonymous, Route("/p/{slug}")]
public sealed class ProgramPageController(AppDbContext db, CurrentBusiness current, IConfiguration config, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string slug, CancellationToken ct) =>
        await ModelAsync(slug, ct) is { } model ? View("/Features/ProgramPage/Index.cshtml", model) : NotFound();

    /// <summary>A5 poster for the counter: the rule in one sentence and a QR code to this page.</summary>
    [HttpGet("cartaz.pdf")]
    public async Task<IActionResult> Poster(string slug, CancellationToken ct)
    {
        var model = await ModelAsync(slug, ct);
        if (model is null) return NotFound();
        return File(ProgramPoster.Build(model), "application/pdf", $"cartaz-{slug}.pdf");
    }

    private async Task<ProgramPageModel?> ModelAsync(string slug, CancellationToken ct)
    {
        if (slug.Length > PrivacySettings.SlugMaxLength) return null;
        var id = await TenantDoors.BusinessBySlugAsync(db, slug, ct);
        if (id is null) return null;
        using var scope = current.Use(id.Value);
        var business = await db.BusinessAsync(ct);
        var program = business.Program;
        return new ProgramPageModel(business.Name, RuleSentence(program, t), GoalSentence(program, t),
            program.CollectName, program.CollectEmail, program.CollectBirthDate, business.Privacy.PageText, business.Privacy.RetentionYears,
            config.PublicSite() + "/p/" + slug);
    }

    /// <summary>"A cada R$ 1,00 em compras você ganha 1 ponto." — the rule as a customer reads it.</summary>
    public static string RuleSentence(LoyaltyProgram p, IStringLocalizer t) => p.RuleKind == PointRuleKind.ByUnit
        ? t["A cada {0} você ganha {1} ponto(s).", p.UnitName ?? t["unidade"], Format.Points(p.PointsPerUnit)]
        : t["A cada {0} em compras você ganha 1 ponto.", Format.Money(p.ValuePerPoint)];

    public static string GoalSentence(LoyaltyProgram p, IStringLocalizer t) => p.Goal > 0
        ? t["Ao juntar {0} pontos, você ganha {1}.", Format.Points(p.Goal), p.RecognitionText]
        : t["A loja reconhece os clientes que mais compram."];
}
