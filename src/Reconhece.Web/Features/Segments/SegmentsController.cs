using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;

namespace Reconhece.Web.Features.Segments;

public sealed record SegmentSize(RfvSegment Segment, int Customers, decimal LifetimeSpend);

/// <summary>Customers who were in From at the end of last month (null: not scored then) and are in To now.</summary>
public sealed record SegmentMove(RfvSegment? From, RfvSegment To, int Customers);

/// <summary>Moves is null when there is no last month to compare with yet.</summary>
public sealed record SegmentsPage(IReadOnlyList<SegmentSize> Sizes, int Buyers, DateTime? ComputedAt, IReadOnlyList<SegmentMove>? Moves);

public sealed record SegmentMember(Guid Id, string? Name, string Phone, short? R, short? F, short? V, decimal LifetimeSpend, DateTime? LastPurchaseAt);

public sealed record SegmentList(RfvSegment Segment, IReadOnlyList<SegmentMember> Members, int Total);

/// <summary>Clientes → Segmentos (owner): the RFV segments' sizes and each segment's customers (docs/segments.md).</summary>
[Authorize(Policy = Policies.Owner), Route("/clientes/segmentos")]
public sealed class SegmentsController(AppDbContext db, RecomputeSegments recompute) : Controller
{
    public const int ListSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        await recompute.EnsureScoredAsync(ct);
        return View(await SegmentQueries.PageAsync(db, ct));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> List(string slug, CancellationToken ct)
    {
        if (SegmentLabels.FromSlug(slug) is not { } segment) return NotFound();
        var members = db.Customers.Where(c => c.Segment == segment && c.AnonymizedAt == null);
        var rows = await members.OrderByDescending(c => c.LifetimeSpend).ThenBy(c => c.Id).Take(ListSize)
            .Select(c => new SegmentMember(c.Id, c.Name, c.Phone, c.RfvR, c.RfvF, c.RfvV, c.LifetimeSpend, c.LastPurchaseAt)).ToListAsync(ct);
        return View(new SegmentList(segment, rows, await members.CountAsync(ct)));
    }
}
