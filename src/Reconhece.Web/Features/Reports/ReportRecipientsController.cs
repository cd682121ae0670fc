using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Reconhece.Web.Features.Reports;

/// <summary>The links report emails carry, opened with no account: a recipient's confirmation, and large reports' PDFs.</summary>
[AllowAnonymous]
public sealed class ReportRecipientsController(ReportRecipients recipients) : Controller
{
    /// <summary>A PDF through the signed link of a weekly email too big for attachments (ReportLinks).</summary>
    [HttpGet("/relatorios/baixar/{token}/{slug}.pdf")]
    public async Task<IActionResult> Download(string token, string slug, [FromServices] ReportLinks links,
        [FromServices] Data.AppDbContext db, [FromServices] Tenancy.CurrentBusiness current, CancellationToken ct)
    {
        var check = links.Read(token, out var businessId, out var runId);
        if (check == ReportLinks.Check.Expired) return View("/Features/Reports/LinkExpired.cshtml");
        var kind = BuildWeeklyReports.Kinds.Where(k => k.Value.Slug == slug).Select(k => (Domain.ReportKind?)k.Key).FirstOrDefault();
        if (check != ReportLinks.Check.Valid || kind is null) return NotFound();
        using var scope = current.Use(businessId);
        var file = await db.ReportFiles.AsNoTracking().Where(f => f.RunId == runId && f.Kind == kind)
            .Select(f => new { f.FileName, f.Content }).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, "application/pdf", file.FileName);
    }

    /// <summary>The invitation's landing: it asks, and changes nothing (mail scanners open links by GET).</summary>
    [HttpGet("/relatorios/confirmar/{token}")]
    public async Task<IActionResult> Confirm(string token, CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return await recipients.FindAsync(token, ct) switch
        {
            null => NotFound(),
            { Expired: true } => View("/Features/Reports/InvitationExpired.cshtml"),
            var invitation => View("/Features/Reports/ConfirmRecipient.cshtml", (invitation, token)),
        };
    }

    [HttpPost("/relatorios/confirmar/{token}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> ConfirmPost(string token, CancellationToken ct)
    {
        var business = await recipients.ConfirmAsync(token, ct);
        return business is null ? NotFound() : View("/Features/Reports/Confirmed.cshtml", business);
    }

    /// <summary>The "parar" link of a report email: it asks, and changes nothing (mail scanners open links by GET).</summary>
    [HttpGet("/relatorios/parar/{token}")]
    public async Task<IActionResult> Stop(string token, [FromServices] StopReports stop, CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return await stop.FindAsync(token, ct) is { } request ? View("/Features/Reports/StopAsk.cshtml", (request, token)) : NotFound();
    }

    /// <summary>
    /// The stop itself: the page's button, or the mail program's one-click (RFC 8058: a POST with the body
    /// "List-Unsubscribe=One-Click", no cookies, no form token). The link is the secret, so no antiforgery.
    /// </summary>
    [HttpPost("/relatorios/parar/{token}"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> StopPost(string token, [FromServices] StopReports stop, CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return await stop.StopAsync(token, ct) is { } request ? View("/Features/Reports/Stopped.cshtml", request) : NotFound();
    }
}
