using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.BusinessSettings;

public sealed class BusinessInput
{
    [Display(Name = "Nome do negócio")]
    [Required(ErrorMessage = "Informe o nome do negócio.")]
    [StringLength(120, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Name { get; set; } = "";

    [Display(Name = "Fuso horário")]
    [Required(ErrorMessage = "Escolha o fuso horário.")]
    public string TimeZoneId { get; set; } = BrazilTimeZones.Default;
}

/// <summary>Negócio: the business's own name and time zone (which reports and "today" follow).</summary>
[Authorize(Policy = Policies.Owner), Route("/negocio")]
public sealed class BusinessSettingsController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var business = await db.Businesses.SingleAsync(ct);
        return View(new BusinessInput { Name = business.Name, TimeZoneId = business.TimeZoneId });
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(BusinessInput input, CancellationToken ct)
    {
        if (!BrazilTimeZones.IsKnown(input.TimeZoneId))
            ModelState.AddModelError(nameof(input.TimeZoneId), t["Escolha um fuso horário da lista."]);
        if (!ModelState.IsValid) return View(input);
        var business = await db.Businesses.SingleAsync(ct);
        business.Name = input.Name.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Histórico's stored days are local days of the old zone: they are summed again in the new one.
        // A cached purchase context holds the zone too: the next purchase must use the new one.
        if (business.TimeZoneId != input.TimeZoneId)
        {
            await Features.History.HistoryDays.ForgetAsync(db, business.Id, null, BrazilTimeZones.Find(business.TimeZoneId), ct);
            await Features.Purchases.PurchaseContextCache.InvalidateAsync(db, ct);
        }
        business.TimeZoneId = input.TimeZoneId;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Flash"] = t["Dados do negócio salvos."].Value;
        return RedirectToAction(nameof(Edit));
    }
}
