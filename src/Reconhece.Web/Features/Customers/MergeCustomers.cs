using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
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
    private const string Sql = """
        UPDATE purchases SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
        -- Two first purchases now belong to one person: only the earlier one stays "new customer".
        UPDATE purchases SET was_new_customer = false
         WHERE business_id = @business AND customer_id = @kept AND was_new_customer
           AND id <> (SELECT id FROM purchases WHERE business_id = @business AND customer_id = @kept AND was_new_customer ORDER BY at, id LIMIT 1);
        UPDATE ledger_entries SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
        UPDATE recognitions SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
        UPDATE contacts SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
        UPDATE consent_events SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
        UPDATE privacy_requests SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
        UPDATE customer_aliases SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;
        UPDATE audit_entries SET subject_id = @kept WHERE business_id = @business AND subject = 'Cliente' AND subject_id = @merged;
        DELETE FROM invitation_guests g WHERE g.business_id = @business AND g.customer_id = @merged
           AND EXISTS (SELECT 1 FROM invitation_guests k WHERE k.business_id = @business AND k.invitation_id = g.invitation_id AND k.customer_id = @kept);
        UPDATE invitation_guests SET customer_id = @kept WHERE business_id = @business AND customer_id = @merged;

        UPDATE customers k SET
            balance = (SELECT COALESCE(sum(points), 0) FROM ledger_entries l WHERE l.business_id = @business AND l.customer_id = @kept),
            lifetime_points = k.lifetime_points + m.lifetime_points,
            lifetime_spend = k.lifetime_spend + m.lifetime_spend,
            visits = k.visits + m.visits,
            first_purchase_at = LEAST(k.first_purchase_at, m.first_purchase_at),
            last_purchase_at = GREATEST(k.last_purchase_at, m.last_purchase_at),
            first_branch_id = CASE WHEN m.first_purchase_at < k.first_purchase_at OR k.first_purchase_at IS NULL THEN m.first_branch_id ELSE k.first_branch_id END,
            last_branch_id = CASE WHEN m.last_purchase_at > k.last_purchase_at OR k.last_purchase_at IS NULL THEN m.last_branch_id ELSE k.last_branch_id END,
            created_at = LEAST(k.created_at, m.created_at),
            name = COALESCE(k.name, m.name),
            email = COALESCE(k.email, m.email),
            birth_date = COALESCE(k.birth_date, m.birth_date),
            -- Whoever asked not to be contacted, on either record, is not contacted.
            contact_opt_out_at = LEAST(k.contact_opt_out_at, m.contact_opt_out_at),
            agenda_snoozed_until = GREATEST(k.agenda_snoozed_until, m.agenda_snoozed_until),
            rhythm_days = NULL, rhythm_visits = NULL
        FROM customers m WHERE k.business_id = @business AND k.id = @kept AND m.business_id = @business AND m.id = @merged;
        UPDATE customers SET eligible_since = CASE WHEN goal_reached(balance, @goal)
                THEN COALESCE(LEAST(eligible_since, @merged_eligible), @now) END
         WHERE business_id = @business AND id = @kept;

        INSERT INTO customer_aliases (business_id, phone, customer_id, created_at)
        SELECT @business, m.phone, @kept, @now FROM customers m WHERE m.business_id = @business AND m.id = @merged;
        INSERT INTO audit_entries (business_id, user_id, at, subject, subject_id, field, old_value, new_value)
        VALUES (@business, @user, @now, 'Cliente', @kept, @field, @merged_text, @kept_text);
        DELETE FROM customers WHERE business_id = @business AND id = @merged;
        INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, reason, idempotency_key)
        SELECT @business, @kept, @kind, 0, balance, @now, @user, @reason, @key FROM customers WHERE business_id = @business AND id = @kept;
        """;

    private sealed record Locked(Guid Id, string Phone, string? Name, DateTime? EligibleSince, DateTime? AnonymizedAt);

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
            .Select(c => new Locked(c.Id, c.Phone, c.Name, c.EligibleSince, c.AnonymizedAt)).ToListAsync(ct);
        if (key != Guid.Empty && await db.Ledger.AnyAsync(l => l.IdempotencyKey == key, ct)) return MergeOutcome.AlreadyMerged;
        var kept = locked.FirstOrDefault(c => c.Id == keptId);
        var merged = locked.FirstOrDefault(c => c.Id == mergedId);
        if (kept is null || merged is null || kept.AnonymizedAt is not null || merged.AnonymizedAt is not null) return MergeOutcome.NotFound;
        var goal = await db.Programs.Select(p => p.Goal).SingleAsync(ct);

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
        await tx.CommitAsync(ct);
        return MergeOutcome.Merged;
    }

    private static string Describe(string phone, string? name) =>
        BrazilianPhone.Format(phone) + (string.IsNullOrEmpty(name) ? "" : " – " + name);
}
