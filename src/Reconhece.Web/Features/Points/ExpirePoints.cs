using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Points;

/// <summary>Points of one customer that expire by a moment, and when the oldest of them started counting towards expiry.</summary>
public sealed record ExpiringPoints(Guid CustomerId, decimal Points, DateTime OldestCountsFrom);

/// <summary>A customer's next expiry: how many points, on which local day.</summary>
public sealed record NextExpiry(decimal Points, DateOnly On);

/// <summary>
/// Daily: in every business whose points expire (Programa → "Os pontos vencem após N meses"), the points
/// earned more than N months ago and still unspent leave the balance as a "Pontos expirados" ledger entry,
/// oldest first (the database function unspent_points holds the FIFO rule). Safe to run twice: a second
/// run finds nothing left to expire, and the entry's key (customer and day) makes two runs at once write one.
/// </summary>
public sealed class ExpirePoints(AppDbContext db, CurrentBusiness current, PointsLedger ledger, TimeProvider clock, ILogger<ExpirePoints> log)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync()
    {
        var businesses = await TenantDoors.ExpiryBusinessesAsync(db, CancellationToken.None);
        var months = businesses.ToDictionary(b => b.BusinessId, b => b.Months);
        return await current.ForEachAsync(months.Keys, business => ExpireAsync(business, months[business], CancellationToken.None), log, "Points expiry");
    }

    /// <summary>The points of a business whose expiry period started by <paramref name="countedBy"/>, per customer (expiring_points).</summary>
    public static Task<List<ExpiringPoints>> DueAsync(AppDbContext db, Guid business, DateTime countedBy, Guid? customer, CancellationToken ct) =>
        db.Database.SqlQuery<ExpiringPoints>($"""
            SELECT customer_id, points, oldest_counts_from
            FROM expiring_points({business}, {countedBy}, {customer})
            """).ToListAsync(ct);

    /// <summary>
    /// The customer's next expiry (the customer page and the card): the local day the oldest unspent points
    /// reach N months (counted as expiry_lots counts them, the moment the daily job may take them), and how
    /// many reach it that day, never more than the balance (the caller has the customer row already).
    /// </summary>
    public static async Task<NextExpiry?> NextAsync(AppDbContext db, Guid business, Guid customer, decimal balance, int months, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var lots = await db.Database.SqlQuery<ExpiryLot>($"""
            SELECT u.counts_from, u.points FROM expiry_lots({business}, {customer}) u ORDER BY u.counts_from
            """).ToListAsync(ct);
        if (lots.Count == 0) return null;
        var day = Periods.LocalDay(lots[0].CountsFrom.AddMonths(months), zone);
        var points = lots.Where(l => Periods.LocalDay(l.CountsFrom.AddMonths(months), zone) == day).Sum(l => l.Points);
        var due = Math.Min(points, balance);
        return due > 0 ? new NextExpiry(due, day) : null;
    }

    private sealed record ExpiryLot(DateTime CountsFrom, decimal Points);

    private async Task<int> ExpireAsync(Guid business, int months, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await DueAsync(db, business, now.AddMonths(-months), null, ct);
        if (due.Count == 0) return 0;
        var goal = (await db.BusinessAsync(ct)).Program.Goal;
        var zone = (await db.BusinessAsync(ct)).Zone;
        var today = Periods.LocalDay(now, zone);
        var expired = 0;
        foreach (var d in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (outcome, _) = await ledger.ApplyAsync(new LedgerMove(d.CustomerId, LedgerKind.Expiry, -d.Points)
            {
                Reason = $"Pontos expirados: ganhos há mais de {months} meses",
                IdempotencyKey = KeyFor(d.CustomerId, today),
                RequireBalanceAtLeast = d.Points,
            }, goal, ct);
            if (outcome != LedgerOutcome.Applied) continue; // another run wrote today's entry, or the balance moved: tomorrow
            await tx.CommitAsync(ct);
            expired++;
        }
        log.LogInformation("Expired points of {Count} customers in business {BusinessId}", expired, business);
        return expired;
    }

    /// <summary>One expiry entry per customer per day, whatever runs it.</summary>
    public static Guid KeyFor(Guid customer, DateOnly day) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"expiry:{customer:N}:{day:yyyy-MM-dd}"))[..16]);
}
