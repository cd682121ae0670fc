using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;

namespace Reconhece.Web.Features.Segments;

public sealed record SegmentSize(RfvSegment Segment, int Customers, decimal LifetimeSpend);

public sealed record SegmentsPage(IReadOnlyList<SegmentSize> Sizes, int Buyers, DateTime? ComputedAt);

public sealed record SegmentMember(Guid Id, string? Name, string Phone, short? R, short? F, short? V, decimal LifetimeSpend, DateTime? LastPurchaseAt);

public sealed record SegmentList(RfvSegment Segment, IReadOnlyList<SegmentMember> Members, int Total);

/// <summary>Clientes → Segmentos (owner): the RFV segments' sizes and each segment's customers (docs/segments.md).</summary>
[Authorize(Policy = Policies.Owner), Route("/clientes/segmentos")]
public sealed class SegmentsController(AppDbContext db, RecomputeSegments recompute, Tenancy.CurrentBusiness current) : Controller
{
    public const int ListSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // A business never scored yet (new, or before its first night) is scored now, once: an owner never
        // meets an empty page that says "come back tomorrow".
        if (!await db.Customers.AnyAsync(c => c.SegmentAt != null, ct) && await db.Customers.AnyAsync(c => c.LastPurchaseAt != null, ct))
            await recompute.RecomputeAsync(current.RequiredId, ct);
        var sizes = await db.Customers.Where(c => c.Segment != null && c.AnonymizedAt == null).GroupBy(c => c.Segment!.Value)
            .Select(g => new SegmentSize(g.Key, g.Count(), g.Sum(c => c.LifetimeSpend))).ToListAsync(ct);
        var buyers = await db.Customers.CountAsync(c => c.LastPurchaseAt != null && c.AnonymizedAt == null, ct);
        var at = await db.Customers.MaxAsync(c => c.SegmentAt, ct);
        return View(new SegmentsPage(sizes.OrderBy(s => s.Segment).ToList(), buyers, at));
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
