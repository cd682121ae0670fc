using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;

namespace Reconhece.Web.Features.Segments;

/// <summary>What Segmentos and the monthly summary read from the stored segments (the current business).</summary>
public static class SegmentQueries
{
    public static async Task<SegmentsPage> PageAsync(AppDbContext db, CancellationToken ct)
    {
        var sizes = await db.Customers.Where(c => c.Segment != null && c.AnonymizedAt == null).GroupBy(c => c.Segment!.Value)
            .Select(g => new SegmentSize(g.Key, g.Count(), g.Sum(c => c.LifetimeSpend))).ToListAsync(ct);
        var buyers = await db.Customers.CountAsync(c => c.LastPurchaseAt != null && c.AnonymizedAt == null, ct);
        var at = await db.Customers.MaxAsync(c => c.SegmentAt, ct);
        return new SegmentsPage(sizes.OrderBy(s => s.Segment).ToList(), buyers, at, await MovesAsync(db, ct));
    }

    /// <summary>Who changed segment since last month (null: no last month yet): the latest month's first run kept each customer's previous segment.</summary>
    private static async Task<IReadOnlyList<SegmentMove>?> MovesAsync(AppDbContext db, CancellationToken ct)
    {
        var month = await db.Customers.MaxAsync(c => c.SegmentMonth, ct);
        if (month is null || !await db.Customers.AnyAsync(c => c.SegmentMonth == month && c.SegmentPrev != null, ct)) return null;
        var moves = await db.Customers.Where(c => c.SegmentMonth == month && c.Segment != null && c.SegmentPrev != c.Segment && c.AnonymizedAt == null)
            .GroupBy(c => new { c.SegmentPrev, c.Segment }).Select(g => new { g.Key.SegmentPrev, g.Key.Segment, Customers = g.Count() }).ToListAsync(ct);
        return moves.Select(m => new SegmentMove(m.SegmentPrev, m.Segment!.Value, m.Customers))
            .OrderByDescending(m => m.Customers).ThenBy(m => m.From).ThenBy(m => m.To).ToList();
    }
}
