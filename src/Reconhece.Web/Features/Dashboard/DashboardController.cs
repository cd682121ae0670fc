using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Identity;

namespace Reconhece.Web.Features.Dashboard;

[Authorize(Policy = Policies.Owner)]
public sealed class DashboardController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/painel")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // LGPD requests waiting for an answer show here until answered (art. 19: 15 days).
        ViewData["PrivacyDue"] = await db.PrivacyRequests.Where(r => r.AnsweredAt == null).OrderBy(r => r.DueOn)
            .Select(r => new { r.DueOn, Count = db.PrivacyRequests.Count(x => x.AnsweredAt == null) }).FirstOrDefaultAsync(ct) is { } due
            ? (due.Count, due.DueOn) : null;
        return View(await DashboardQuery.LoadAsync(db, User.FindFirst(AppClaimsFactory.NameClaim)?.Value ?? "", clock.GetUtcNow().UtcDateTime, ct));
    }
}
