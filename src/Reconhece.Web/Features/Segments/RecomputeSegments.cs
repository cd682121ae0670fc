using Hangfire;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Segments;

/// <summary>
/// Nightly: every business's buying customers get R, F and V scores (1–5) and their segment
/// (docs/segments.md). One statement per business; the same data and day give the same result, so a second
/// run changes nothing. The rules are written here once; pages and lists read the stored segment.
/// </summary>
public sealed class RecomputeSegments(AppDbContext db, CurrentBusiness current, TimeProvider clock, ILogger<RecomputeSegments> log)
{
    // Scores are quintiles by cume_dist (⌈5 × the share of buyers at or below the value⌉), so equal values
    // share the higher score and a lone buyer scores 5: R by the last purchase (recent is high), F by visits
    // and V by spend in the last 12 months. Segments: the first rule that applies.
    private const string Sql = """
        WITH recent AS (
            SELECT customer_id, count(*) AS visits, COALESCE(sum(amount), 0) AS spend FROM purchases
            WHERE business_id = @business AND reversed_at IS NULL AND at >= @year_ago
            GROUP BY customer_id),
        buyers AS (
            SELECT c.id, c.last_purchase_at, COALESCE(r.visits, 0) AS visits, COALESCE(r.spend, 0) AS spend
            FROM customers c LEFT JOIN recent r ON r.customer_id = c.id
            WHERE c.business_id = @business AND c.last_purchase_at IS NOT NULL AND c.anonymized_at IS NULL),
        scored AS (
            SELECT id, visits,
                   ceil(5 * cume_dist() OVER (ORDER BY last_purchase_at))::smallint AS r,
                   ceil(5 * cume_dist() OVER (ORDER BY visits))::smallint AS f,
                   ceil(5 * cume_dist() OVER (ORDER BY spend))::smallint AS v
            FROM buyers),
        placed AS (
            SELECT id, r, f, v,
                   CASE WHEN r >= 4 AND visits <= 1 THEN 3                       -- Novos: one purchase is never loyalty
                        WHEN r >= 4 AND f >= 4 AND v >= 4 THEN 1                  -- Campeões
                        WHEN r >= 3 AND f >= 4 AND visits >= 2 THEN 2             -- Fiéis
                        WHEN r >= 4 THEN 4                                        -- Promissores
                        WHEN r = 3 THEN 5                                         -- Precisam de atenção
                        WHEN f >= 3 AND visits >= 2 THEN 6                        -- Em risco
                        WHEN r = 2 THEN 7                                         -- Hibernando
                        ELSE 8 END AS segment                                     -- Perdidos
            FROM scored)
        UPDATE customers c SET rfv_r = p.r, rfv_f = p.f, rfv_v = p.v, segment = p.segment, segment_at = @now,
               -- The month's first run keeps last month's segment: Segmentos shows who moved since.
               segment_prev = CASE WHEN c.segment_month IS DISTINCT FROM @month THEN c.segment ELSE c.segment_prev END,
               segment_month = @month
        FROM placed p
        WHERE c.business_id = @business AND c.id = p.id
          AND ((c.rfv_r, c.rfv_f, c.rfv_v, c.segment) IS DISTINCT FROM (p.r, p.f, p.v, p.segment) OR c.segment_month IS DISTINCT FROM @month)
        """;

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync() =>
        await current.ForEachAsync(await TenantDoors.SegmentBusinessesAsync(db, CancellationToken.None),
            business => RecomputeAsync(business, CancellationToken.None), log, "RFV segments");

    /// <summary>
    /// Scores the current business now if it was never scored (new, or before its first night) and has buyers:
    /// an owner never meets an empty Segmentos page or an empty segment audience that says "come back tomorrow".
    /// </summary>
    public async Task EnsureScoredAsync(CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.SegmentAt != null, ct) && await db.Customers.AnyAsync(c => c.LastPurchaseAt != null, ct))
            await RecomputeAsync(current.RequiredId, ct);
    }

    /// <summary>One business's segments; returns how many customers changed.</summary>
    public async Task<int> RecomputeAsync(Guid business, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = (await db.BusinessAsync(ct)).Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = TenantSql.Command(db, Sql);
            cmd.Parameters.AddWithValue("business", business);
            cmd.Parameters.AddWithValue("now", now);
            cmd.Parameters.AddWithValue("year_ago", now.AddYears(-1));
            cmd.Parameters.AddWithValue("month", new DateOnly(today.Year, today.Month, 1));
            return await cmd.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
