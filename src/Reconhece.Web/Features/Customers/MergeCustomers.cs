using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Customers;

public enum MergeOutcome { NotFound, Merged, AlreadyMerged, Same }

/// <summary>
/// Joins two records of one person: everything the merged one has moves to the kept one, whose totals are
/// recomputed; the merged phone becomes an alias that finds the kept customer. One transaction; both rows
/// locked in id order (purchases for either wait, then land on the result); the form key makes a double tap
/// a no-op.
/// </summary>
public sealed class MergeCustomers(AppDbContext db, CurrentBusiness current, TimeProvider clock)
{
    public const string AuditField = "Cadastro unido";

    // Moved: purchases, ledger entries, recognitions, contacts, consent records, requests, aliases, audit
    // history, and invitation places (one per invitation). Totals: balance = the ledger sum (entries moved);
    // spend, visits and lifetime points add up; first and last purchase, eligibility and branches follow.
    private static readonly string Sql = PointsSql.MergeCustomers;

    private sealed record Locked(Guid Id, string Phone, string? Name, DateTime? EligibleSince, DateTime? AnonymizedAt, DateTime? FirstPurchaseAt);

    public async Task<MergeOutcome> HandleAsync(Guid keptId, Guid mergedId, Guid key, Guid userId, CancellationToken ct)
    {
        if (keptId == mergedId) return MergeOutcome.Same;
        var business = current.RequiredId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The same form again (double tap, Back and resubmit): the first one did it.
        if (key != Guid.Empty && await db.Ledger.AnyAsync(l => l.IdempotencyKey == key, ct)) return MergeOutcome.AlreadyMerged;
        // Both rows locked, in id order like every other two-customer lock: purchases for either wait here.
        var locked = await db.Customers
            .FromSql($"SELECT * FROM customers WHERE id IN ({keptId}, {mergedId}) ORDER BY id FOR UPDATE")
            .Select(c => new Locked(c.Id, c.Phone, c.Name, c.EligibleSince, c.AnonymizedAt, c.FirstPurchaseAt)).ToListAsync(ct);
        if (key != Guid.Empty && await db.Ledger.AnyAsync(l => l.IdempotencyKey == key, ct)) return MergeOutcome.AlreadyMerged;
        var kept = locked.FirstOrDefault(c => c.Id == keptId);
        var merged = locked.FirstOrDefault(c => c.Id == mergedId);
        if (kept is null || merged is null || kept.AnonymizedAt is not null || merged.AnonymizedAt is not null) return MergeOutcome.NotFound;
        var goal = (await db.BusinessAsync(ct)).Program.Goal;

        await using var cmd = TenantSql.Command(db, Sql);
        var p = cmd.Parameters;
        p.AddWithValue("business", business);
        p.AddWithValue("kept", keptId);
        p.AddWithValue("merged", mergedId);
        p.AddWithValue("goal", goal);
        p.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
        p.Add(new NpgsqlParameter("merged_eligible", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)merged.EligibleSince ?? DBNull.Value });
        p.AddWithValue("user", userId);
        p.AddWithValue("field", AuditField);
        p.AddWithValue("merged_text", Describe(merged.Phone, merged.Name));
        p.AddWithValue("kept_text", Describe(kept.Phone, kept.Name));
        p.AddWithValue("kind", (int)LedgerKind.Merge);
        p.AddWithValue("reason", "Cadastros unidos");
        p.Add(new NpgsqlParameter("key", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = key == Guid.Empty ? Guid.NewGuid() : key });
        await cmd.ExecuteNonQueryAsync(ct);
        // Both customers' purchases are one customer's now: Histórico's stored days from the earlier first purchase on are summed again.
        if (new[] { kept.FirstPurchaseAt, merged.FirstPurchaseAt }.Min() is { } earliest)
            await History.HistoryDays.ForgetAsync(db, business, earliest, (await db.BusinessAsync(ct)).Zone, ct);
        await tx.CommitAsync(ct);
        return MergeOutcome.Merged;
    }

    private static string Describe(string phone, string? name) =>
        BrazilianPhone.Format(phone) + (string.IsNullOrEmpty(name) ? "" : " – " + name);
}
