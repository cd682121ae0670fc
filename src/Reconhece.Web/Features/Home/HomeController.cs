using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;

namespace Reconhece.Web.Features.Home;

public sealed record StaffHome(string BusinessName, string UserName, string? BranchName);

/// <summary>"/": the landing page for visitors, the Painel for owners, the start screen for staff.</summary>
[AllowAnonymous]
public sealed class HomeController(AppDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return View("Landing");
        if (User.IsInRole(Roles.Owner)) return Redirect("/painel");

        var userId = User.UserId();
        var branch = await db.Users.Where(u => u.Id == userId)
            .Select(u => db.Branches.Where(b => b.Id == u.BranchId).Select(b => b.Name).FirstOrDefault()).FirstOrDefaultAsync(ct);
        return View(new StaffHome((await db.BusinessAsync(ct)).Name,
            User.FindFirstValue(AppClaimsFactory.NameClaim) ?? "", branch));
    }
}
