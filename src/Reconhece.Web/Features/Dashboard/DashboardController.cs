using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Dashboard;

[Authorize(Policy = Policies.Owner)]
public sealed class DashboardController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("/painel")]
    public async Task<IActionResult> Index([FromServices] Cards.CardLinks links, CancellationToken ct)
    {
        // LGPD requests waiting for an answer show here until answered (art. 19: 15 days).
        ViewData["PrivacyDue"] = await db.PrivacyRequests.Where(r => r.AnsweredAt == null).OrderBy(r => r.DueOn)
            .Select(r => new { r.DueOn, Count = db.PrivacyRequests.Count(x => x.AnsweredAt == null) }).FirstOrDefaultAsync(ct) is { } due
            ? (due.Count, due.DueOn) : null;
        // A WhatsApp number Meta refused (error 190) shows until the owner saves a new token (docs/messages.md).
        ViewData["WhatsAppPausedAt"] = (await db.BusinessAsync(ct)).WhatsApp.PausedAt;
        var now = clock.GetUtcNow().UtcDateTime;
        var view = await DashboardQuery.LoadAsync(db, User.FindFirst(AppClaimsFactory.NameClaim)?.Value ?? "", now, ct);
        return View(view with
        {
            Setup = await SetupChecklist.LoadAsync(db, User.UserId(), ct),
            // Who to contact today: the first three of the agenda's most valuable lists, as the weekly email has them.
            ContactToday = view.TotalCustomers == 0 ? [] : await Agenda.AgendaHighlights.TopAsync(db, links, t, now, ct, count: 3),
        });
    }

    /// <summary>"Manter assim" (the rule) and "Trabalho sem equipe": the step leaves the checklist, recorded.</summary>
    [HttpPost("/painel/primeiros-passos/{step}")]
    public async Task<IActionResult> Dismiss(string step, CancellationToken ct)
    {
        if (step != SetupChecklist.Slug(SetupStep.Rule) && step != SetupChecklist.Slug(SetupStep.Team)) return NotFound();
        if (!await db.Audit.AnyAsync(a => a.Subject == SetupChecklist.AuditSubject && a.Field == step, ct))
        {
            db.Audit.Add(new AuditEntry { UserId = User.UserId(), At = clock.GetUtcNow().UtcDateTime, Subject = SetupChecklist.AuditSubject, Field = step, NewValue = "ok" });
            await db.SaveChangesAsync(ct);
        }
        return Redirect("/painel");
    }
}
