using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reconhece.Web.Data;
using Reconhece.Web.Identity;

namespace Reconhece.Web.Features.Dashboard;

[Authorize(Policy = Policies.Owner)]
public sealed class DashboardController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/painel")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await DashboardQuery.LoadAsync(db, User.FindFirst(AppClaimsFactory.NameClaim)?.Value ?? "", clock.GetUtcNow().UtcDateTime, ct));
}
