using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Messages;

public sealed record UnsubscribePage(string Token, string BusinessName, bool Done);

/// <summary>
/// /descadastrar/{token}, the address in every automatic e-mail's List-Unsubscribe (RFC 8058,
/// ../shared/DOMAIN.md "Email to customers"). The POST alone unsubscribes, with no page, no sign-in and no
/// antiforgery token: a mail program posts "List-Unsubscribe=One-Click" by itself. A GET never changes
/// anything (scanners and previews fetch every link): it shows a button that posts. An unknown or forged
/// token answers 404.
/// </summary>
[AllowAnonymous, Route("/descadastrar/{token}")]
public sealed class UnsubscribeController(AppDbContext db, CurrentBusiness current, UnsubscribeLinks links, ContactConsent consent) : Controller
{
    private const string ViewPath = "/Features/Messages/Unsubscribe.cshtml";

    [HttpGet("")]
    public Task<IActionResult> Ask(string token, CancellationToken ct) => ShowAsync(token, done: false, ct);

    [HttpPost(""), IgnoreAntiforgeryToken]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken ct)
    {
        if (!links.TryRead(token, out var business, out var customer)) return NotFound();
        using (current.Use(business))
            if (await db.Customers.AnyAsync(c => c.Id == customer, ct)) await consent.UnsubscribeEmailAsync(customer, ct);
        return await ShowAsync(token, done: true, ct);
    }

    private async Task<IActionResult> ShowAsync(string token, bool done, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (!links.TryRead(token, out var business, out var customer)) return NotFound();
        using var _ = current.Use(business);
        var c = await db.Customers.AsNoTracking().Where(x => x.Id == customer).Select(x => new { x.EmailOptOutAt }).FirstOrDefaultAsync(ct);
        if (c is null) return NotFound();
        var name = (await db.BusinessAsync(ct)).Name;
        return View(ViewPath, new UnsubscribePage(token, name, done || c.EmailOptOutAt is not null));
    }
}
