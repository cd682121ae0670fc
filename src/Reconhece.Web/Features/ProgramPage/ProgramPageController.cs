using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.ProgramPage;

public sealed record ProgramPageModel(
    string BusinessName, string Rule, string GoalSentence, bool CollectName, bool CollectEmail, bool CollectBirthDate,
    string? PageText, int? RetentionYears, string Url)
{
    /// <summary>Expiry, the minimum amount, the daily limit, the cap per purchase, the promotions' draw.</summary>
    public IReadOnlyList<string> Limits { get; init; } = [];
}

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
        return new ProgramPageModel(business.Name, ProgramRules.Earning(program, t), ProgramRules.Goal(program, t),
            program.CollectName, program.CollectEmail, program.CollectBirthDate, business.Privacy.PageText, business.Privacy.RetentionYears,
            config.PublicSite() + "/p/" + slug) { Limits = ProgramRules.Limits(program, t) };
    }
}
