using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Till;

public sealed record TillLine(DateOnly Day, string Branch, decimal Amount, decimal Identified);

public sealed record TillRow(DateOnly Day, Guid BranchId, decimal Amount, decimal Identified);

public sealed record TillPage(TillInput Input, bool IsOwner, IReadOnlyList<(Guid Id, string Name)> Branches, IReadOnlyList<TillLine> Recent);

/// <summary>"Total do caixa" (staff and owner): the day's till total per branch, and the last two weeks with the share identified.</summary>
[Authorize(Policy = Policies.Staff), Route("/caixa")]
public sealed class TillController(AppDbContext db, SaveTillTotal save, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var today = Periods.LocalDay(clock.GetUtcNow().UtcDateTime, (await db.BusinessAsync(ct)).Zone);
        return View(await PageAsync(new TillInput { Day = today.ToString("yyyy-MM-dd", Format.PtBr), BranchId = OwnBranch }, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(TillInput input, CancellationToken ct)
    {
        var result = await save.HandleAsync(input, User.UserId(), OwnBranch, IsOwner, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await PageAsync(input, ct));
        }
        TempData["Flash"] = t["Total do caixa salvo."].Value;
        return Redirect("/caixa");
    }

    private bool IsOwner => User.IsInRole(Roles.Owner);

    private Guid? OwnBranch => Guid.TryParse(User.FindFirstValue(AppClaimsFactory.BranchClaim), out var b) ? b : null;

    private async Task<TillPage> PageAsync(TillInput input, CancellationToken ct)
    {
        var context = await db.BusinessAsync(ct);
        var (business, zone) = (context.Id, context.Zone);
        var since = Periods.LocalDay(clock.GetUtcNow().UtcDateTime, zone).AddDays(-14);
        var branches = await db.Branches.Where(b => b.IsActive && (IsOwner || b.Id == OwnBranch)).OrderBy(b => b.Name)
            .Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        var ids = branches.Select(b => b.Id).ToArray();
        // One statement; the identified share's numerator is the database function till_identified, as in Histórico.
        var rows = await db.Database.SqlQuery<TillRow>($"""
            SELECT t.day, t.branch_id, t.amount, till_identified(t.business_id, t.branch_id, t.day, {zone.Id}) AS identified
            FROM till_totals t
            WHERE t.business_id = {business} AND t.day >= {since} AND t.branch_id = ANY({ids})
            ORDER BY t.day DESC
            """).ToListAsync(ct);
        var lines = rows.Select(x => new TillLine(x.Day, branches.First(b => b.Id == x.BranchId).Name, x.Amount, x.Identified)).ToList();
        return new TillPage(input, IsOwner, branches.Select(b => (b.Id, b.Name)).ToList(), lines);
    }
}
