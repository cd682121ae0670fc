using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.History;

public enum HistoryGrain { Month, Week }

/// <summary>One month or week of the history, as the owner reads it.</summary>
public sealed record HistoryPeriod(
    DateOnly Start, DateOnly End, int NewCustomers, int Buyers, int Returning, int Purchases, decimal Revenue,
    int Recognitions, decimal RecognitionVisitRevenue, decimal TillTotal, decimal IdentifiedOnTillDays)
{
    /// <summary>Identified revenue over the till's total, on the days and branches that have a till total; null without any.</summary>
    public decimal? IdentifiedShare => TillTotal > 0 ? IdentifiedOnTillDays / TillTotal : null;

    /// <summary>Customers with a purchase in the period who had bought before it, over all who bought in it.</summary>
    public decimal ReturnRate => Buyers == 0 ? 0 : (decimal)Returning / Buyers;
    public decimal AverageTicket => Purchases == 0 ? 0 : Math.Round(Revenue / Purchases, 2);
    public decimal VisitsPerCustomer => Buyers == 0 ? 0 : Math.Round((decimal)Purchases / Buyers, 2);

    /// <summary>What the period's recognitions cost at the reward's value, and that as "0,8%" of the revenue ("—" without revenue).</summary>
    public (decimal Cost, string OfRevenue) RecognitionCost(decimal rewardValue)
    {
        var cost = Recognitions * rewardValue;
        return (cost, Revenue > 0 ? (100 * cost / Revenue).ToString("0.0", Shared.Format.PtBr) + "%" : "—");
    }
}

/// <summary>
/// The monthly and weekly history (Painel → Histórico): the last 12 months and 12 weeks in the business's
/// zone, the current one included (so far). Purchases that were reversed do not count. "Returning" means
/// the customer's first purchase (any branch) came before the period. With a branch, purchases are those
/// registered there; recognitions belong to no branch and are counted for the whole business.
/// </summary>
public static class HistoryQuery
{
    public const int Periods = 12;

    /// <summary>The periods' local first days, oldest first; each ends where the next begins.</summary>
    public static List<DateOnly> Starts(HistoryGrain grain, DateOnly today)
    {
        var current = grain == HistoryGrain.Month
            ? new DateOnly(today.Year, today.Month, 1)
            : Domain.Periods.Monday(today);
        return Enumerable.Range(0, Periods + 1).Select(i => grain == HistoryGrain.Month ? current.AddMonths(i - Periods + 1) : current.AddDays(7 * (i - Periods + 1))).ToList();
    }

    public static Task<List<HistoryPeriod>> LoadAsync(AppDbContext db, Guid business, HistoryGrain grain, DateOnly today, TimeZoneInfo zone,
        Guid? branch, CancellationToken ct)
    {
        var bounds = Starts(grain, today);
        return LoadAsync(db, business, grain, bounds.Zip(bounds.Skip(1)).ToList(), zone, today, branch, ct);
    }

    /// <summary>
    /// Any local periods, [Start, End) each, starting on the first day of a month (or a Monday, by week): the
    /// weekly email's month so far against the same days of last month, a closed month for its summary.
    /// Closed days come from <see cref="HistoryDays"/> (filled first if missing), today from its purchases.
    /// </summary>
    public static async Task<List<HistoryPeriod>> LoadAsync(AppDbContext db, Guid business, HistoryGrain grain,
        IReadOnlyList<(DateOnly Start, DateOnly End)> periods, TimeZoneInfo zone, DateOnly today, Guid? branch, CancellationToken ct)
    {
        var first = periods.Min(p => p.Start);
        await HistoryDays.EnsureAsync(db, business, zone, first < today ? first : today, today, ct);
        // A period's distinct buyers: the days on which a customer made their first purchase of the period.
        var scope = (branch is null ? "" : "branch_") + (grain == HistoryGrain.Month ? "month" : "week");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = TenantSql.Command(db, $"""
                WITH periods AS (
                    SELECT k, s, e, sd, ed FROM unnest(@starts::timestamptz[], @ends::timestamptz[], @sdays::date[], @edays::date[]) WITH ORDINALITY AS p(s, e, sd, ed, k)),
                days AS (
                    SELECT branch_id, day, purchases, revenue, new_customers, {scope}_buyers AS buyers, {scope}_returning AS returning
                    FROM history_days WHERE business_id = @business AND day >= @first AND day < @today
                    UNION ALL
                    SELECT branch_id, day, purchases, revenue, new_customers, {scope}_buyers, {scope}_returning
                    FROM ({HistoryDays.LiveDaysSql}) live),
                sales AS (
                    SELECT p.k, COALESCE(sum(d.purchases), 0)::bigint AS purchases, COALESCE(sum(d.revenue), 0) AS revenue,
                           COALESCE(sum(d.new_customers), 0)::bigint AS new_customers,
                           COALESCE(sum(d.buyers), 0)::bigint AS buyers, COALESCE(sum(d.returning), 0)::bigint AS returning
                    FROM periods p
                    LEFT JOIN days d ON d.day >= p.sd AND d.day < p.ed AND (@branch::uuid IS NULL OR d.branch_id = @branch)
                    GROUP BY p.k),
                gifts AS (
                    -- What the customer spent on the day of the recognition ("na visita do brinde").
                    SELECT p.k, count(r.id) AS recognitions,
                           COALESCE(sum((SELECT sum(x.amount) FROM purchases x
                                         WHERE x.business_id = @business AND x.customer_id = r.customer_id AND x.reversed_at IS NULL
                                           AND local_day(x.at, @zone) = local_day(r.at, @zone))), 0) AS visit_revenue
                    FROM periods p
                    LEFT JOIN recognitions r ON r.business_id = @business AND r.at >= p.s AND r.at < p.e
                    GROUP BY p.k),
                tills AS (
                    -- Share of identified sales: only the days and branches whose till total was typed (Caixa).
                    SELECT p.k, COALESCE(sum(t.amount), 0) AS till,
                           COALESCE(sum(till_identified(@business, t.branch_id, t.day, @zone)), 0) AS identified
                    FROM periods p
                    LEFT JOIN till_totals t ON t.business_id = @business AND (@branch::uuid IS NULL OR t.branch_id = @branch)
                         AND t.day >= p.sd AND t.day < p.ed
                    GROUP BY p.k)
                SELECT s.k, s.new_customers, s.buyers, s.returning, s.purchases, s.revenue, g.recognitions, g.visit_revenue, t.till, t.identified
                FROM sales s JOIN gifts g ON g.k = s.k JOIN tills t ON t.k = s.k ORDER BY s.k
                """);
            cmd.Parameters.AddWithValue("starts", periods.Select(p => Domain.Periods.DayStart(p.Start, zone)).ToArray());
            cmd.Parameters.AddWithValue("ends", periods.Select(p => Domain.Periods.DayStart(p.End, zone)).ToArray());
            cmd.Parameters.AddWithValue("sdays", periods.Select(p => p.Start).ToArray());
            cmd.Parameters.AddWithValue("edays", periods.Select(p => p.End).ToArray());
            cmd.Parameters.AddWithValue("first", first);
            cmd.Parameters.AddWithValue("today", today);
            // The live part: today's purchases, summed as a stored day would be.
            cmd.Parameters.AddWithValue("from", Domain.Periods.DayStart(today, zone));
            cmd.Parameters.AddWithValue("to", Domain.Periods.DayStart(today.AddDays(1), zone));
            cmd.Parameters.AddWithValue("business", business);
            cmd.Parameters.AddWithValue("zone", zone.Id);
            cmd.Parameters.Add(HistoryDays.Branch(branch));
            var rows = new List<HistoryPeriod>();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var k = (int)r.GetInt64(0) - 1;
                rows.Add(new HistoryPeriod(periods[k].Start, periods[k].End, (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4),
                    r.GetDecimal(5), (int)r.GetInt64(6), r.GetDecimal(7), r.GetDecimal(8), r.GetDecimal(9)));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
