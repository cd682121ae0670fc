using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Identity;

namespace Reconhece.Web.Features.Home;

public sealed record HomeView(string BusinessName, string UserName, string? BranchName, bool IsOwner, int ActiveBranches, int ActiveStaff);

[AllowAnonymous]
public sealed class HomeController(AppDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return View("Landing");

        var branchId = Guid.TryParse(User.FindFirstValue(AppClaimsFactory.BranchClaim), out var b) ? b : (Guid?)null;
        var view = new HomeView(
            BusinessName: await db.Businesses.Select(x => x.Name).SingleAsync(ct),
            UserName: User.FindFirstValue(AppClaimsFactory.NameClaim) ?? "",
            BranchName: await db.Branches.Where(x => x.Id == branchId).Select(x => x.Name).SingleOrDefaultAsync(ct),
            IsOwner: User.IsInRole(Domain.Roles.Owner),
            ActiveBranches: await db.Branches.CountAsync(x => x.IsActive, ct),
            ActiveStaff: await db.Users.CountAsync(x => x.IsActive, ct));
        return View(view);
    }
}
