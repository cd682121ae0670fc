using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reconhece.Web.Data;
using Reconhece.Web.Identity;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Platform;

/// <summary>
/// The platform administrator's page (/plataforma): what needs a person across all businesses. Today,
/// the weekly report runs that stopped at the attempt cap, and the data promises found broken. It reads through a door; owners never see it.
/// </summary>
public sealed record PlatformPage(IReadOnlyList<TenantDoors.StuckRun> StuckRuns, IReadOnlyList<TenantDoors.InvariantViolation> Violations);

[Authorize(Policy = Policies.Platform), Route("/plataforma")]
public sealed class PlatformController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new PlatformPage(await TenantDoors.StuckReportRunsAsync(db, ct), await TenantDoors.InvariantViolationsAsync(db, ct)));
}
