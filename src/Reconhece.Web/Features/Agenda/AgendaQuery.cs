using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Agenda;

/// <summary>What the agenda needs to know about the business, read once per page.</summary>
public sealed record AgendaContext(
    Guid BusinessId, string BusinessName, TimeZoneInfo Zone, decimal Goal, string Prize, int InactivityDays, bool CollectsBirthDates,
    AgendaSettings Settings, string InvitationMessage)
{
    /// <summary>Points expire this many months after they were earned ("Pontos vencendo" shows only then).</summary>
    public int? ExpiryMonths { get; init; }

    public static async Task<AgendaContext> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        var program = business.Program;
        return new AgendaContext(business.Id, business.Name, business.Zone, program.Goal, program.RecognitionText,
            program.InactivityDays, program.CollectBirthDate, business.Agenda, program.InvitationMessage) { ExpiryMonths = program.PointsExpiryMonths };
    }
}

/// <summary>A customer in an agenda list, with what the row shows about why they are there.</summary>
public sealed record AgendaRow(
    Guid Id, string? Name, string Phone, decimal Balance, decimal LifetimeSpend, int Visits, DateTime? FirstPurchaseAt,
    DateTime? LastPurchaseAt, DateTime? EligibleSince, DateOnly? BirthDate, double? RhythmDays, decimal MonthlySpend, int List,
    decimal ExpiringPoints, DateTime? ExpiringCountsFrom, int CardGeneration);

/// <summary>
/// The agenda's lists, computed in PostgreSQL for one business (the SQL names it, and row-level security
/// holds it to it) in one pass over its customers: each customer is placed in the first list that applies, in
/// the order of <see cref="AgendaList"/>. Customers who do not want contact, those snoozed or just
/// contacted, and a running promotion's control group are in none. Staff who see the agenda see the customers whose last purchase was at their branch.
/// </summary>
public static class AgendaQuery
{
    public const int PageSize = 20;

    /// <summary>"Sumindo" with 3 or more visits: absent longer than this many times their own median interval.</summary>
    public const int RhythmFactor = 2;

    /// <summary>"Novos": first purchase within this many days.</summary>
    public const int NewDays = 7;

    /// <summary>"Pontos vencendo": points that expire within this many days.</summary>
    public const int ExpiringDays = 30;

    /// <summary>
    /// Brings the stored rhythm (the median days between the days a customer bought) up to date for the
    /// customers whose visit count changed since it was computed. It changes only when they buy or a
    /// purchase is reversed, so this touches few rows per page view; the first view after a migration
    /// computes it for everyone once.
    /// </summary>
    public static Task<int> RefreshRhythmsAsync(AppDbContext db, Guid businessId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE customers c SET rhythm_days = g.median, rhythm_visits = c.visits
            FROM (
                SELECT s.id, (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) FROM (
                    SELECT extract(epoch FROM d - lag(d) OVER (ORDER BY d)) / 86400 AS gap
                    FROM (SELECT DISTINCT date_trunc('day', p.at) AS d FROM purchases p
                          WHERE p.business_id = s.business_id AND p.customer_id = s.id AND p.reversed_at IS NULL) days) gaps
                    WHERE gap IS NOT NULL) AS median
                FROM customers s
                WHERE s.business_id = {businessId} AND s.visits >= 3 AND s.rhythm_visits IS DISTINCT FROM s.visits) g
            WHERE c.business_id = {businessId} AND c.id = g.id
            """, ct);

    /// <summary>How many customers each list holds now.</summary>
    public static async Task<Dictionary<AgendaList, int>> CountsAsync(AppDbContext db, AgendaContext context, Guid? branchId, DateTime utcNow, CancellationToken ct)
    {
        var counts = await Placed(db, context, branchId, utcNow)
            .GroupBy(r => r.List).Select(g => new { List = g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => (AgendaList)c.List, c => c.Count);
    }

    /// <summary>One page of one list, in that list's order.</summary>
    public static Task<List<AgendaRow>> PageAsync(AppDbContext db, AgendaContext context, AgendaList list, Guid? branchId, DateTime utcNow, int page, CancellationToken ct)
    {
        var skip = (Math.Max(1, page) - 1) * PageSize;
        if (list == AgendaList.Goal && context.Goal > 0)
        {
            // Meta atingida is the first list, so its members are exactly the first branch of the placement
            // (eligible_since set): read in the order of its partial index instead of placing every customer,
            // which mattered when most customers were eligible (docs/benchmarks.md, Ações).
            var now = utcNow;
            return db.Customers.Where(c => c.EligibleSince != null && c.ContactOptOutAt == null
                    && !Promotions.ControlGroups.HeldOut(db, now).Contains(c.Id)
                    && (c.AgendaSnoozedUntil == null || c.AgendaSnoozedUntil <= now) && (branchId == null || c.LastBranchId == branchId))
                .OrderBy(c => c.EligibleSince).ThenBy(c => c.Id).Skip(skip).Take(PageSize)
                .Select(c => new AgendaRow(c.Id, c.Name, c.Phone, c.Balance, c.LifetimeSpend, c.Visits, c.FirstPurchaseAt, c.LastPurchaseAt,
                    c.EligibleSince, c.BirthDate, c.RhythmDays, 0m, (int)AgendaList.Goal, 0m, null, c.CardGeneration))
                .ToListAsync(ct);
        }
        var rows = Placed(db, context, branchId, utcNow).Where(r => r.List == (int)list);
        var ordered = list switch
        {
            AgendaList.Goal => rows.OrderBy(r => r.EligibleSince).ThenBy(r => r.Id),
            AgendaList.Fading => rows.OrderByDescending(r => r.MonthlySpend).ThenBy(r => r.Id),
            AgendaList.NearGoal => rows.OrderByDescending(r => r.Balance).ThenBy(r => r.Id),
            AgendaList.Expiring => rows.OrderBy(r => r.ExpiringCountsFrom).ThenBy(r => r.Id),
            AgendaList.Birthday => rows.OrderBy(r => r.BirthDate!.Value.Month).ThenBy(r => r.BirthDate!.Value.Day).ThenBy(r => r.Id),
            _ => rows.OrderByDescending(r => r.FirstPurchaseAt).ThenBy(r => r.Id),
        };
        return ordered.Skip(skip).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>
    /// Everyone the given lists hold now, as the page places them (snoozed customers left out): whom the
    /// automatic messages plan for (Features/Messages/PlanMessages).
    /// </summary>
    public static Task<List<AgendaRow>> MembersAsync(AppDbContext db, AgendaContext context, IReadOnlyList<int> lists, DateTime utcNow, CancellationToken ct) =>
        Placed(db, context, null, utcNow).Where(r => lists.Contains(r.List)).ToListAsync(ct);

    /// <summary>Everyone a list holds for a group invitation: as the agenda places them, snoozed or not.</summary>
    public static Task<List<Guid>> IdsAsync(AppDbContext db, AgendaContext context, AgendaList list, DateTime utcNow, CancellationToken ct) =>
        Placed(db, context, null, utcNow, ignoreSnooze: true).Where(r => r.List == (int)list).Select(r => r.Id).ToListAsync(ct);

    /// <summary>The days (month × 100 + day) of the birthdays shown: today and the six days after, in the business's zone.</summary>
    public static int[] BirthdayWindow(DateTime utcNow, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));
        var days = Enumerable.Range(0, 7).Select(i => today.AddDays(i)).ToList();
        var window = days.Select(d => d.Month * 100 + d.Day).ToList();
        // Born on 29 February: remembered on the 28th in the years that have no 29th.
        if (days.Any(d => d is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(d.Year))) window.Add(229);
        return [.. window];
    }

    /// <summary>Every customer of the scope with the list they are placed in (null: none).</summary>
    private static IQueryable<AgendaRow> Placed(AppDbContext db, AgendaContext context, Guid? branchId, DateTime utcNow, bool ignoreSnooze = false)
    {
        var goal = context.Goal;
        var nearGoal = Goal.NearThreshold(context.Goal, context.Settings.NearGoalPercent);
        var inactiveBefore = Inactivity.Cutoff(utcNow, context.InactivityDays);
        var newSince = utcNow.AddDays(-NewDays);
        var birthdays = context.CollectsBirthDates ? BirthdayWindow(utcNow, context.Zone) : [];
        var now = utcNow;
        var businessId = context.BusinessId;
        var expiry = context.ExpiryMonths;
        // Points whose expiry period started by this moment expire within ExpiringDays (with no expiry, nothing is earned by it).
        var expiringCountedBy = expiry is { } months ? utcNow.AddDays(ExpiringDays).AddMonths(-months) : utcNow;
        Guid? expiringBusiness = expiry is null ? null : businessId;
        // The lists' codes travel as parameters: the enum is their one home.
        int goalList = (int)AgendaList.Goal, expiringList = (int)AgendaList.Expiring, fadingList = (int)AgendaList.Fading,
            nearGoalList = (int)AgendaList.NearGoal, birthdayList = (int)AgendaList.Birthday, newList = (int)AgendaList.New;
        return db.Database.SqlQuery<AgendaRow>($"""
            SELECT * FROM (
                SELECT c.id, c.name, c.phone, c.balance, c.lifetime_spend, c.visits, c.first_purchase_at, c.last_purchase_at,
                       c.eligible_since, c.birth_date, c.rhythm_days, c.card_generation,
                       -- Average monthly spend over the months they bought in (at least one): the revenue at risk.
                       round(c.lifetime_spend / GREATEST(1, extract(epoch FROM c.last_purchase_at - c.first_purchase_at) / 86400 / 30.44)::numeric, 2) AS monthly_spend,
                       COALESCE(x.points, 0) AS expiring_points, x.oldest_counts_from AS expiring_counts_from,
                       CASE
                           WHEN {goal} > 0 AND c.eligible_since IS NOT NULL THEN {goalList}
                           WHEN x.points > 0 THEN {expiringList}
                           WHEN c.last_purchase_at IS NOT NULL AND (
                                (c.visits >= 3 AND c.rhythm_days IS NOT NULL
                                 AND c.last_purchase_at < {now} - make_interval(secs => {RhythmFactor} * GREATEST(c.rhythm_days, 1) * 86400))
                             OR ((c.visits < 3 OR c.rhythm_days IS NULL) AND c.last_purchase_at < {inactiveBefore})) THEN {fadingList}
                           WHEN {goal} > 0 AND c.balance >= {nearGoal} THEN {nearGoalList}
                           WHEN c.birth_date IS NOT NULL
                                AND (extract(month FROM c.birth_date) * 100 + extract(day FROM c.birth_date))::int = ANY({birthdays}) THEN {birthdayList}
                           WHEN c.first_purchase_at >= {newSince} THEN {newList}
                       END AS list
                FROM customers c
                -- Without expiry the function gets no business, so it reads nothing (not the whole ledger).
                LEFT JOIN expiring_points({expiringBusiness}, {expiringCountedBy}) x ON x.customer_id = c.id
                WHERE c.business_id = {businessId} AND c.contact_opt_out_at IS NULL
                  AND ({ignoreSnooze} OR c.agenda_snoozed_until IS NULL OR c.agenda_snoozed_until <= {now})
                  -- A promotion's control group gets no contact until the promotion ends (Features/Promotions).
                  AND NOT EXISTS (SELECT 1 FROM promotion_members m JOIN promotions o ON o.business_id = m.business_id AND o.id = m.promotion_id
                                  WHERE m.business_id = {businessId} AND m.customer_id = c.id AND m.is_control
                                    AND COALESCE(o.stopped_at, o.ends_at) > {now})
                  AND ({branchId}::uuid IS NULL OR c.last_branch_id = {branchId})
            ) placed
            WHERE list IS NOT NULL
            """);
    }
}
