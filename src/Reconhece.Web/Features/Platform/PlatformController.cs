using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reconhece.Web.Data;
using Reconhece.Web.Identity;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Platform;

/// <summary>
/// The platform administrator's page (/plataforma): what needs a person across all businesses. Today,
/// the weekly report runs that stopped at the attempt cap. It reads through a door; owners never see it.
/// </summary>
[Authorize(Policy = Policies.Platform), Route("/plataforma")]
public sealed class PlatformController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await TenantDoors.StuckReportRunsAsync(db, ct));
}
