using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// A WhatsApp link of a weekly PDF, tapped (WhatsAppShortLinks): the current Ações message for that customer,
/// as a redirect to wa.me. The PDF went only to confirmed recipients; the token names one customer of one
/// business and cannot be forged, and the message carries no card link, as the PDF's old links did not.
/// </summary>
[AllowAnonymous]
public sealed class ReportWhatsAppController(AppDbContext db, CurrentBusiness current, WhatsAppShortLinks links, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("/w/{token}")]
    public async Task<IActionResult> Open(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (!links.TryRead(token, out var business, out var customer, out var list)) return NotFound();
        using var _ = current.Use(business);
        var c = await db.Customers.AsNoTracking().Where(x => x.Id == customer && x.AnonymizedAt == null)
            .Select(x => new { x.Name, x.Phone, x.Balance, x.ContactOptOutAt }).FirstOrDefaultAsync(ct);
        if (c is null) return NotFound();
        if (c.ContactOptOutAt is not null) return View("/Features/Reports/NoContact.cshtml");
        var context = await db.BusinessAsync(ct);
        var template = AgendaLists.TemplateFor(list, context.Agenda, context.Program.InvitationMessage, t);
        var message = Invitation.Render(template, new MessageFields(c.Name, context.Name, c.Balance, context.Program.Goal, context.Program.RecognitionText));
        return Redirect(Invitation.WhatsAppLink(c.Phone, message).AbsoluteUri);
    }
}
