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
        var sizes = await db.Customers.Where(c => c.Segment != null && c.AnonymizedAt == null).GroupBy(c => c.Segment!.Value)
            .Select(g => new SegmentSize(g.Key, g.Count(), g.Sum(c => c.LifetimeSpend))).ToListAsync(ct);
        var buyers = await db.Customers.CountAsync(c => c.LastPurchaseAt != null && c.AnonymizedAt == null, ct);
        var at = await db.Customers.MaxAsync(c => c.SegmentAt, ct);
        return View(new SegmentsPage(sizes.OrderBy(s => s.Segment).ToList(), buyers, at, await MovesAsync(ct)));
    }

    /// <summary>Who changed segment since last month: the latest month's first run kept each customer's previous segment.</summary>
    private async Task<IReadOnlyList<SegmentMove>?> MovesAsync(CancellationToken ct)
    {
        var month = await db.Customers.MaxAsync(c => c.SegmentMonth, ct);
        if (month is null || !await db.Customers.AnyAsync(c => c.SegmentMonth == month && c.SegmentPrev != null, ct)) return null;
        var moves = await db.Customers.Where(c => c.SegmentMonth == month && c.Segment != null && c.SegmentPrev != c.Segment && c.AnonymizedAt == null)
            .GroupBy(c => new { c.SegmentPrev, c.Segment }).Select(g => new { g.Key.SegmentPrev, g.Key.Segment, Customers = g.Count() }).ToListAsync(ct);
        return moves.Select(m => new SegmentMove(m.SegmentPrev, m.Segment!.Value, m.Customers))
            .OrderByDescending(m => m.Customers).ThenBy(m => m.From).ThenBy(m => m.To).ToList();
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
