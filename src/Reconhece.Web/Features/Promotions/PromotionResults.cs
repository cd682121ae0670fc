using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Promotions;

/// <summary>Revenue, purchases and new customers in one stretch of time, under the promotion's weekdays and branches.</summary>
public sealed record PeriodFigures(DateTime From, DateTime To, decimal Revenue, int Purchases, int NewCustomers);

/// <summary>One side of a targeted promotion: its size, how many came back, and their revenue (sum and sum of squares per customer).</summary>
public sealed record GroupFigures(int Customers, int Returned, decimal Revenue, double RevenueSquares)
{
    public double ReturnRate => Customers == 0 ? 0 : (double)Returned / Customers;
    public decimal RevenuePerCustomer => Customers == 0 ? 0 : Revenue / Customers;
}

/// <summary>
/// What the result page shows. Uses, participants and bonus come from the purchases the promotion marked.
/// "During" is the promotion's window so far (start to now or its end), on its weekdays and branches; the
/// baseline is the 4 windows of the same length just before it, moved back by whole weeks so they cover the
/// same weekdays. A targeted promotion compares its audience with its control group over the same window.
/// </summary>
public sealed record PromotionResult(
    Promotion Promotion, DateTime From, DateTime To, bool Started, bool Ended,
    int Uses, int Participants, decimal BonusPoints, decimal? PointCost, decimal? MarginPercent,
    PeriodFigures During, IReadOnlyList<PeriodFigures> Baseline,
    GroupFigures? Audience, GroupFigures? Control)
{
    public const int BaselinePeriods = 4;

    public decimal BaselineRevenue => Baseline.Count == 0 ? 0 : Baseline.Average(p => p.Revenue);
    public decimal BaselinePurchases => Baseline.Count == 0 ? 0 : Baseline.Average(p => (decimal)p.Purchases);

    /// <summary>
    /// Every one of the earlier windows had sales. A business that is new, or was closed, has no "usual" to
    /// compare with: an empty window would count as R$ 0,00 and turn every real sale into extra revenue.
    /// </summary>
    public bool HasBaseline => Baseline.Count == BaselinePeriods && Baseline.All(p => p.Purchases > 0);
    public decimal BaselineNewCustomers => Baseline.Count == 0 ? 0 : Baseline.Sum(p => (decimal)p.NewCustomers) / Baseline.Count;
    public bool Targeted => Audience is not null && Control is not null;
    public bool HasControl => Targeted && Control!.Customers > 0;

    /// <summary>What the bonus points cost at the programme's point cost; null when the owner did not give the reward's value.</summary>
    public decimal? BonusCost => PointCost is { } c ? Math.Round(BonusPoints * c, 2) : null;

    /// <summary>
    /// The revenue the promotion added. Targeted with a control group: (revenue per customer in the audience −
    /// in the control group) × audience size. Otherwise: revenue during − the baseline's average.
    /// </summary>
    public decimal IncrementalRevenue => HasControl
        ? Math.Round((Audience!.RevenuePerCustomer - Control!.RevenuePerCustomer) * Audience.Customers, 2)
        : Math.Round(During.Revenue - BaselineRevenue, 2);

    /// <summary>The gross margin on the incremental revenue; null without the business's margin (revenue is not profit).</summary>
    public decimal? IncrementalMargin => MarginPercent is { } m ? Math.Round(IncrementalRevenue * m / 100m, 2) : null;

    /// <summary>The margin on the incremental revenue − bonus cost − the owner's cost; null without the margin.</summary>
    public decimal? Net => IncrementalMargin is { } gain ? gain - (BonusCost ?? 0m) - (Promotion.OwnerCost ?? 0m) : null;

    public Interval? ReturnLift => HasControl
        ? PromotionStats.RateDifference(Audience!.Returned, Audience.Customers, Control!.Returned, Control.Customers) : null;

    public Interval? RevenueLift => HasControl
        ? PromotionStats.MeanDifference((double)Audience!.Revenue, Audience.RevenueSquares, Audience.Customers,
            (double)Control!.Revenue, Control.RevenueSquares, Control.Customers) : null;

    public bool LargeEnough => HasControl && PromotionStats.LargeEnough(Audience!.Returned, Audience.Customers, Control!.Returned, Control.Customers);
}

public static class PromotionResults
{
    public static async Task<PromotionResult?> LoadAsync(AppDbContext db, Guid id, DateTime utcNow, CancellationToken ct)
    {
        var promotion = await db.Promotions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null) return null;
        var program = (await db.BusinessAsync(ct)).Program;
        var zone = (await db.BusinessAsync(ct)).Zone;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await LoadAsync(db, promotion, program.PointCost, program.GrossMarginPercent, zone, utcNow, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<PromotionResult> LoadAsync(AppDbContext db, Promotion promotion, decimal? pointCost, decimal? margin,
        TimeZoneInfo zone, DateTime utcNow, CancellationToken ct)
    {
        var id = promotion.Id;
        var from = promotion.RealStart;
        var to = utcNow < promotion.EffectiveEnd ? utcNow : promotion.EffectiveEnd;
        var started = utcNow >= from;
        if (to < from) to = from;
        var marked = await db.Purchases.Where(p => p.PromotionId == id && p.ReversedAt == null)
            .GroupBy(p => 1).Select(g => new { Uses = g.Count(), Participants = g.Select(p => p.CustomerId).Distinct().Count(), Bonus = g.Sum(p => p.BonusPoints) })
            .SingleOrDefaultAsync(ct);
        var periods = await PeriodsAsync(db, promotion, from, to, zone, ct);
        GroupFigures? audience = null, control = null;
        if (promotion.Audience != PromotionAudience.Everyone)
        {
            var groups = await GroupsAsync(db, promotion, from, to, zone, ct);
            audience = groups.GetValueOrDefault(false, new GroupFigures(0, 0, 0, 0));
            control = groups.GetValueOrDefault(true, new GroupFigures(0, 0, 0, 0));
        }
        return new PromotionResult(promotion, from, to, started, utcNow >= promotion.EffectiveEnd,
            marked?.Uses ?? 0, marked?.Participants ?? 0, marked?.Bonus ?? 0m, pointCost, margin,
            periods[0], periods.Skip(1).ToList(), audience, control);
    }

    /// <summary>The window itself (index 0) and the 4 before it, each moved back by the window's length rounded up to whole weeks.</summary>
    private static async Task<List<PeriodFigures>> PeriodsAsync(AppDbContext db, Promotion p, DateTime from, DateTime to, TimeZoneInfo zone, CancellationToken ct)
    {
        var weeks = Math.Max(1, (int)Math.Ceiling((p.EffectiveEnd - from).TotalDays / 7));
        var shift = TimeSpan.FromDays(7 * weeks);
        await using var cmd = TenantSql.Command(db, """
            SELECT k, count(x.id), COALESCE(sum(x.amount), 0), count(x.id) FILTER (WHERE x.was_new_customer)
            FROM generate_series(0, @periods) AS k
            LEFT JOIN purchases x ON x.business_id = @business AND x.reversed_at IS NULL
                 AND x.at >= @from - k * @shift AND x.at < @to - k * @shift
                 AND (@weekdays & (1 << extract(dow FROM x.at AT TIME ZONE @zone)::int)) <> 0
                 AND (@branches::uuid[] IS NULL OR x.branch_id = ANY(@branches))
            GROUP BY k ORDER BY k
            """);
        AddFilters(cmd, p, from, to, zone);
        cmd.Parameters.AddWithValue("periods", PromotionResult.BaselinePeriods);
        cmd.Parameters.AddWithValue("shift", shift);
        var rows = new List<PeriodFigures>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var back = shift * r.GetInt32(0);
            rows.Add(new PeriodFigures(from - back, to - back, r.GetDecimal(2), (int)r.GetInt64(1), (int)r.GetInt64(3)));
        }
        return rows;
    }

    /// <summary>The audience (false) and the control group (true): size, returned, revenue and its sum of squares per customer.</summary>
    private static async Task<Dictionary<bool, GroupFigures>> GroupsAsync(AppDbContext db, Promotion p, DateTime from, DateTime to, TimeZoneInfo zone, CancellationToken ct)
    {
        await using var cmd = TenantSql.Command(db, """
            SELECT is_control, count(*), count(*) FILTER (WHERE purchases > 0), COALESCE(sum(revenue), 0), COALESCE(sum(revenue * revenue), 0)::float8
            FROM (
                SELECT m.is_control, m.customer_id, count(x.id) AS purchases, COALESCE(sum(x.amount), 0) AS revenue
                FROM promotion_members m
                LEFT JOIN purchases x ON x.business_id = m.business_id AND x.customer_id = m.customer_id AND x.reversed_at IS NULL
                     AND x.at >= @from AND x.at < @to
                     AND (@weekdays & (1 << extract(dow FROM x.at AT TIME ZONE @zone)::int)) <> 0
                     AND (@branches::uuid[] IS NULL OR x.branch_id = ANY(@branches))
                WHERE m.business_id = @business AND m.promotion_id = @promotion
                GROUP BY m.is_control, m.customer_id) per_customer
            GROUP BY is_control
            """);
        AddFilters(cmd, p, from, to, zone);
        cmd.Parameters.AddWithValue("promotion", p.Id);
        var groups = new Dictionary<bool, GroupFigures>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            groups[r.GetBoolean(0)] = new GroupFigures((int)r.GetInt64(1), (int)r.GetInt64(2), r.GetDecimal(3), r.GetDouble(4));
        return groups;
    }

    private static void AddFilters(NpgsqlCommand cmd, Promotion p, DateTime from, DateTime to, TimeZoneInfo zone)
    {
        cmd.Parameters.AddWithValue("business", p.BusinessId);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", to);
        cmd.Parameters.AddWithValue("weekdays", p.Weekdays);
        cmd.Parameters.AddWithValue("zone", zone.Id);
        cmd.Parameters.Add(new NpgsqlParameter("branches", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid)
            { Value = p.BranchIds is { } b ? b.ToArray() : DBNull.Value });
    }
}
