using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Promotions;

/// <summary>Promoções (owner): the list, the form, "Encerrar agora", and each promotion's result.</summary>
[Authorize(Policy = Policies.Owner), Route("/promocoes")]
public sealed class PromotionsController(AppDbContext db, SavePromotion save, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var zone = (await db.BusinessAsync(ct)).Zone;
        var promotions = await db.Promotions.AsNoTracking().OrderByDescending(p => p.StartsAt).ThenBy(p => p.Name).ToListAsync(ct);
        return View(new PromotionList(promotions, zone, Now));
    }

    [HttpGet("nova")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("Edit", await FormAsync(PromotionInput.New(Periods.LocalDay(Now, (await db.BusinessAsync(ct)).Zone)), null, ct));

    [HttpPost("nova")]
    public Task<IActionResult> New(PromotionInput input, CancellationToken ct) => SaveAsync(input, null, ct);

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var promotion = await db.Promotions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null) return NotFound();
        return View(await FormAsync(PromotionInput.From(promotion, (await db.BusinessAsync(ct)).Zone), promotion, ct));
    }

    [HttpPost("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, PromotionInput input, CancellationToken ct)
    {
        var promotion = await db.Promotions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null) return NotFound();
        input.Id = id;
        return await SaveAsync(input, promotion, ct);
    }

    [HttpPost("{id:guid}/encerrar")]
    public async Task<IActionResult> Stop(Guid id, CancellationToken ct)
    {
        if (!await db.Promotions.AnyAsync(p => p.Id == id, ct)) return NotFound();
        TempData["Flash"] = await save.StopAsync(id, ct)
            ? t["Promoção encerrada. Os resultados continuam aqui."].Value
            : t["Esta promoção já tinha terminado."].Value;
        return Redirect($"/promocoes/{id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var result = await PromotionResults.LoadAsync(db, id, Now, ct);
        if (result is null) return NotFound();
        var branches = await db.Branches.Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return View(new PromotionPage(result, (await db.BusinessAsync(ct)).Zone, branches));
    }

    private async Task<IActionResult> SaveAsync(PromotionInput input, Promotion? existing, CancellationToken ct)
    {
        var result = await save.HandleAsync(input, User.UserId(), ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await FormAsync(input, existing, ct));
        }
        TempData["Flash"] = existing is null ? t["Promoção criada."].Value : t["Promoção salva."].Value;
        return Redirect($"/promocoes/{result.Value}");
    }

    private async Task<PromotionForm> FormAsync(PromotionInput input, Promotion? existing, CancellationToken ct)
    {
        var branches = await db.Branches.Where(b => b.IsActive).OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        var byUnit = (await db.BusinessAsync(ct)).Program.RuleKind == PointRuleKind.ByUnit;
        return new PromotionForm(input, existing, existing?.HasStarted(Now) ?? false, branches.Select(b => (b.Id, b.Name)).ToList(), byUnit);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
