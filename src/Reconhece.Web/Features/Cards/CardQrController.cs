using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Cards;

/// <summary>The card's QR code for the team to show at the counter, and its link.</summary>
public sealed record CardQrPage(Guid CustomerId, string? Name, string Phone, string Url, string Svg, bool CanRenew, Guid? PurchaseId);

/// <summary>
/// The team's side of the card (docs/customer-card.md): "Mostrar o cartão ao cliente" after a purchase or from
/// the customer's page shows the link as a QR code to scan at the counter; the owner can end the link and
/// issue a new one. The pages carry the token, so they are not stored by the browser.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CardQrController(AppDbContext db, CardLinks links, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private const string ViewPath = "/Features/Cards/Qr.cshtml";

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        context.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        base.OnActionExecuting(context);
    }

    [HttpGet("/compras/{id:guid}/cartao")]
    public async Task<IActionResult> ForPurchase(Guid id, CancellationToken ct)
    {
        var customer = await db.Purchases.Where(p => p.Id == id).Select(p => (Guid?)p.CustomerId).FirstOrDefaultAsync(ct);
        return customer is { } c && await PageAsync(c, id, ct) is { } page ? View(ViewPath, page) : NotFound();
    }

    [HttpGet("/clientes/{id:guid}/cartao")]
    public async Task<IActionResult> ForCustomer(Guid id, CancellationToken ct) =>
        await PageAsync(id, null, ct) is { } page ? View(ViewPath, page) : NotFound();

    /// <summary>"Gerar novo link": the old link stops opening at once (a lost phone, a link forwarded by mistake).</summary>
    [HttpPost("/clientes/{id:guid}/cartao/novo"), Authorize(Policy = Policies.Owner), ValidateAntiForgeryToken]
    public async Task<IActionResult> Renew(Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var renewed = await db.Customers.Where(c => c.Id == id && c.AnonymizedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CardGeneration, c => c.CardGeneration + 1), ct);
        if (renewed == 0) return NotFound();
        db.Audit.Add(new AuditEntry
        {
            UserId = User.UserId(), At = clock.GetUtcNow().UtcDateTime, Subject = "Cliente", SubjectId = id, Field = "Link do cartão",
            OldValue = "encerrado", NewValue = "novo link gerado",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Flash"] = t["Novo link gerado. O link anterior não abre mais."].Value;
        return Redirect($"/clientes/{id}/cartao");
    }

    private async Task<CardQrPage?> PageAsync(Guid customerId, Guid? purchaseId, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().Where(x => x.Id == customerId && x.AnonymizedAt == null)
            .Select(x => new { x.Id, x.BusinessId, x.Name, x.Phone, x.CardGeneration }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var url = links.Url(c.BusinessId, c.Id, c.CardGeneration);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // Whole pixels per module and no scaling: a camera (or a test's decoder) reads sharp edges best.
        var svg = new SvgQRCode(data).GetGraphic(6);
        return new CardQrPage(c.Id, c.Name, c.Phone, url, svg, User.IsInRole(Roles.Owner), purchaseId);
    }
}
