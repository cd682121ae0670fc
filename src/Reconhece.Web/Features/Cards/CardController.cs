using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Features.Privacy;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Cards;

/// <summary>
/// The customer's card, /c/{token} (docs/customer-card.md): no sign-in, the token is the key. A token that is
/// malformed, unknown, ended or another business's answers the same 404 as a typo. Every answer, found or not,
/// is no-store, no-referrer and noindex; the route is rate limited per address and per token (WebServices).
/// </summary>
[AllowAnonymous, Route("/c/{token}")]
public sealed class CardController(AppDbContext db, CurrentBusiness current, CardLinks links, ContactConsent consent, PrivacyRequests requests, TimeProvider clock,
    IConfiguration config, IStringLocalizer<SharedResource> t) : Controller
{
    private const string ViewPath = "/Features/Cards/Card.cshtml";

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        base.OnActionExecuting(context);
    }

    [HttpGet("")]
    public Task<IActionResult> Index(string token, CancellationToken ct) => ShowAsync(token, ViewPath, ct);

    /// <summary>"Não quero receber mensagens": a page that asks, so a link preview or a mis-tap changes nothing.</summary>
    [HttpGet("sem-mensagens")]
    public Task<IActionResult> OptOutConfirm(string token, CancellationToken ct) => ShowAsync(token, "/Features/Cards/OptOut.cshtml", ct);

    private async Task<IActionResult> ShowAsync(string token, string view, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found) return NotFound();
        using var scope = current.Use(found.Business);
        var page = await CardQuery.LoadAsync(db, found.Customer, token, clock.GetUtcNow().UtcDateTime, config.PublicSite(), t, ct);
        return page is null ? NotFound() : View(view, page);
    }

    [HttpPost("sem-mensagens"), ValidateAntiForgeryToken]
    public async Task<IActionResult> OptOut(string token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found) return NotFound();
        using var scope = current.Use(found.Business);
        await consent.OptOutByCustomerAsync(found.Customer, ct);
        TempData["Flash"] = t["Pronto: a loja não vai mais mandar mensagens para você. Você continua ganhando pontos."].Value;
        return Redirect($"/c/{token}");
    }

    [HttpPost("meus-dados"), ValidateAntiForgeryToken]
    public async Task<IActionResult> DataRequest(string token, CardDataRequest input, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found) return NotFound();
        using var scope = current.Use(found.Business);
        if (!PrivacyRequests.ByCardRights.Contains(input.Right) || input.Key == Guid.Empty)
        {
            TempData["FlashError"] = t["Escolha o que você quer: ver, corrigir ou apagar seus dados."].Value;
            return Redirect($"/c/{token}#dados");
        }
        var due = await requests.RegisterByCustomerAsync(found.Customer, input.Right, input.Key, (await db.BusinessAsync(ct)).Zone, ct);
        TempData["Flash"] = t["Pedido registrado. A loja tem até {0} para responder, como manda a LGPD.", Format.Date(due)].Value;
        return Redirect($"/c/{token}#dados");
    }

    /// <summary>The customer and business the token names, when its MAC is that customer's current one.</summary>
    private async Task<(Guid Business, Guid Customer)?> FindAsync(string token, CancellationToken ct)
    {
        if (!CardLinks.TryRead(token, out var customer, out var mac)) return null;
        var found = await TenantDoors.CardCustomerAsync(db, customer, ct);
        return found is not null && links.Matches(found.BusinessId, customer, found.CardGeneration, mac)
            ? (found.BusinessId, customer)
            : null;
    }
}

public sealed class CardDataRequest
{
    public PrivacyRight Right { get; set; }
    /// <summary>The form's key: a double tap registers one request.</summary>
    public Guid Key { get; set; }
}
