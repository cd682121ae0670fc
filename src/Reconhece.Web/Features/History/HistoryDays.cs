using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.History;

/// <summary>
/// The stored days behind Histórico (<see cref="Domain.HistoryDay"/>): a closed local day's purchases are
/// summed once, so a year of a business with two million purchases is read as a few hundred rows, and only
/// today is summed from its purchases on each view. The days [history_from, history_through) of a business
/// are complete; a view or the nightly job fills what is missing up to yesterday. Whatever changes a past
/// day (a reversal, a merge) forgets the days from it on, and the next view sums them again.
/// </summary>
public static class HistoryDays
{
    /// <summary>
    /// Each branch's local days of purchases in [@from, @to) with what adds up, and for each purchase whether
    /// it was the customer's first of its month / week, in the business and at the branch: so a period's
    /// distinct buyers are the sum of its days. Two ways to know "first", same answer:
    /// <see cref="LiveDaysSql"/> probes the index on (business, customer, at) per purchase (today: a few
    /// thousand probes, where reading the month so far would cost far more); <see cref="FillDaysSql"/> reads
    /// back to the start of the first day's month and week once and numbers the purchases (a year at once:
    /// four sorts instead of millions of probes).
    /// </summary>
    public static readonly string LiveDaysSql = Days($"""
        SELECT p.branch_id, p.amount, p.was_new_customer, l.day, l.month_s, l.week_s, c.first_purchase_at,
               {Probe("l.month_s", false)} AS first_m, {Probe("l.week_s", false)} AS first_w,
               {Probe("l.month_s", true)} AS first_bm, {Probe("l.week_s", true)} AS first_bw
        FROM purchases p {LocalDay}
        JOIN customers c ON c.business_id = p.business_id AND c.id = p.customer_id
        WHERE p.business_id = @business AND p.reversed_at IS NULL AND p.at >= @from AND p.at < @to
        """);

    /// <summary>As <see cref="LiveDaysSql"/>; @scan_from is the earlier of the first day's month and week starts.</summary>
    public static readonly string FillDaysSql = Days($"""
        SELECT n.branch_id, n.amount, n.was_new_customer, n.day, n.month_s, n.week_s, c.first_purchase_at,
               n.first_m, n.first_w, n.first_bm, n.first_bw
        FROM (
            SELECT p.customer_id, p.branch_id, p.amount, p.was_new_customer, p.at, l.day, l.month_s, l.week_s,
                   row_number() OVER (PARTITION BY p.customer_id, l.month_s ORDER BY p.at, p.id) = 1 AS first_m,
                   row_number() OVER (PARTITION BY p.customer_id, l.week_s ORDER BY p.at, p.id) = 1 AS first_w,
                   row_number() OVER (PARTITION BY p.customer_id, p.branch_id, l.month_s ORDER BY p.at, p.id) = 1 AS first_bm,
                   row_number() OVER (PARTITION BY p.customer_id, p.branch_id, l.week_s ORDER BY p.at, p.id) = 1 AS first_bw
            FROM purchases p {LocalDay}
            WHERE p.business_id = @business AND p.reversed_at IS NULL AND p.at >= @scan_from AND p.at < @to) n
        JOIN customers c ON c.business_id = @business AND c.id = n.customer_id
        WHERE n.at >= @from
        """);

    // The purchase's local day and the UTC starts of its month and week (Monday), in the business's zone.
    private const string LocalDay = """
        CROSS JOIN LATERAL (
            SELECT z.d AS day, local_day_start(date_trunc('month', z.d)::date, @zone) AS month_s,
                   local_day_start(z.d - (extract(isodow FROM z.d)::int - 1), @zone) AS week_s
            FROM (SELECT local_day(p.at, @zone) AS d) z) l
        """;

    private static string Probe(string since, bool branch) => $"""
        NOT EXISTS (SELECT 1 FROM purchases q WHERE q.business_id = p.business_id AND q.customer_id = p.customer_id
                    {(branch ? "AND q.branch_id = p.branch_id " : "")}AND q.reversed_at IS NULL AND q.at >= {since} AND (q.at, q.id) < (p.at, p.id))
        """;

    private static string Days(string purchases) => $"""
        SELECT x.branch_id, x.day, count(*)::int AS purchases, sum(x.amount) AS revenue,
               count(*) FILTER (WHERE x.was_new_customer)::int AS new_customers,
               count(*) FILTER (WHERE x.first_m)::int AS month_buyers,
               count(*) FILTER (WHERE x.first_m AND x.first_purchase_at < x.month_s)::int AS month_returning,
               count(*) FILTER (WHERE x.first_w)::int AS week_buyers,
               count(*) FILTER (WHERE x.first_w AND x.first_purchase_at < x.week_s)::int AS week_returning,
               count(*) FILTER (WHERE x.first_bm)::int AS branch_month_buyers,
               count(*) FILTER (WHERE x.first_bm AND x.first_purchase_at < x.month_s)::int AS branch_month_returning,
               count(*) FILTER (WHERE x.first_bw)::int AS branch_week_buyers,
               count(*) FILTER (WHERE x.first_bw AND x.first_purchase_at < x.week_s)::int AS branch_week_returning
        FROM ({purchases}) x
        GROUP BY x.branch_id, x.day
        """;

    public const string Columns = "purchases, revenue, new_customers, month_buyers, month_returning, week_buyers, week_returning, "
        + "branch_month_buyers, branch_month_returning, branch_week_buyers, branch_week_returning";

    /// <summary>Makes the days [from, today) stored, summing the missing ones; one filler at a time per business.</summary>
    public static async Task EnsureAsync(AppDbContext db, Guid business, TimeZoneInfo zone, DateOnly from, DateOnly today, CancellationToken ct)
    {
        var cover = await db.Businesses.AsNoTracking().Where(b => b.Id == business).Select(b => new { b.HistoryFrom, b.HistoryThrough }).SingleAsync(ct);
        if (cover.HistoryFrom <= from && cover.HistoryThrough >= today) return;
        // In the caller's transaction if there is one (the weekly run's build), else in one of its own.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await LockAsync(db, business, ct);
        var now = await db.Businesses.AsNoTracking().Where(b => b.Id == business).Select(b => new { b.HistoryFrom, b.HistoryThrough }).SingleAsync(ct);
        DateOnly newFrom, newThrough;
        if (now.HistoryFrom is not { } hasFrom || now.HistoryThrough is not { } hasThrough)
        {
            await FillAsync(db, business, zone, from, today, ct);
            (newFrom, newThrough) = (from, today);
        }
        else
        {
            (newFrom, newThrough) = (hasFrom, hasThrough);
            if (from < hasFrom)
            {
                await FillAsync(db, business, zone, from, hasFrom, ct);
                newFrom = from;
            }
            if (hasThrough < today)
            {
                await FillAsync(db, business, zone, hasThrough, today, ct);
                newThrough = today;
            }
        }
        await db.Businesses.Where(b => b.Id == business)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.HistoryFrom, newFrom).SetProperty(b => b.HistoryThrough, newThrough), ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The one way to invalidate the stored days (decision 008): forgets them from the local day of
    /// <paramref name="fromUtc"/> on, or all of them when it is null (a change of time zone makes every stored
    /// day a day of the old zone). They are summed again on the next view. Every writer of past purchases
    /// calls it in its own transaction: a reversal, a merge, a change of time zone. The nightly invariants
    /// check (door_invariant_violations, "histórico") catches one that does not.
    /// </summary>
    public static async Task ForgetAsync(AppDbContext db, Guid business, DateTime? fromUtc, TimeZoneInfo zone, CancellationToken ct)
    {
        await LockAsync(db, business, ct);
        var cover = await db.Businesses.AsNoTracking().Where(b => b.Id == business).Select(b => new { b.HistoryFrom, b.HistoryThrough }).SingleAsync(ct);
        if (cover.HistoryThrough is null) return;
        var day = fromUtc is { } from ? Domain.Periods.LocalDay(from, zone) : DateOnly.MinValue;
        if (day >= cover.HistoryThrough) return;
        await db.HistoryDays.Where(d => d.Day >= day).ExecuteDeleteAsync(ct);
        var keep = cover.HistoryFrom < day;
        await db.Businesses.Where(b => b.Id == business).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.HistoryFrom, keep ? cover.HistoryFrom : null)
            .SetProperty(b => b.HistoryThrough, keep ? day : null), ct);
    }

    /// <summary>Fillers and forgetters of one business take turns (the transaction's advisory lock).</summary>
    private static Task<int> LockAsync(AppDbContext db, Guid business, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({business.ToString()}, 12))", ct);

    private static async Task FillAsync(AppDbContext db, Guid business, TimeZoneInfo zone, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var cmd = TenantSql.Command(db, $"""
            INSERT INTO history_days (business_id, branch_id, day, {Columns})
            SELECT @business, branch_id, day, {Columns} FROM ({FillDaysSql}) d
            ON CONFLICT (business_id, branch_id, day) DO UPDATE SET
                (purchases, revenue, new_customers, month_buyers, month_returning, week_buyers, week_returning,
                 branch_month_buyers, branch_month_returning, branch_week_buyers, branch_week_returning) =
                (EXCLUDED.purchases, EXCLUDED.revenue, EXCLUDED.new_customers, EXCLUDED.month_buyers, EXCLUDED.month_returning,
                 EXCLUDED.week_buyers, EXCLUDED.week_returning, EXCLUDED.branch_month_buyers, EXCLUDED.branch_month_returning,
                 EXCLUDED.branch_week_buyers, EXCLUDED.branch_week_returning)
            """);
        cmd.Parameters.AddWithValue("business", business);
        cmd.Parameters.AddWithValue("zone", zone.Id);
        cmd.Parameters.AddWithValue("from", Domain.Periods.DayStart(from, zone));
        cmd.Parameters.AddWithValue("to", Domain.Periods.DayStart(to, zone));
        var monday = Domain.Periods.Monday(from);
        var month = new DateOnly(from.Year, from.Month, 1);
        cmd.Parameters.AddWithValue("scan_from", Domain.Periods.DayStart(monday < month ? monday : month, zone));
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static NpgsqlParameter Branch(Guid? branch) => new("branch", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)branch ?? DBNull.Value };
}
