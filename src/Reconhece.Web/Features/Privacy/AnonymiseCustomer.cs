using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Privacy;

public enum AnonymiseOutcome { NotFound, Done, AlreadyDone }

/// <summary>
/// "Anonimizar" and "Bloquear" (LGPD art. 18 IV and VI): the customer's phone, name, email and birth date
/// leave every table — audit values, report summaries, stored report PDFs and free text about them
/// included — while the purchases stay, unnamed, so the business's totals do not change. Blocking also
/// keeps the phone (and its merged aliases) on the block list, as a keyed hash. See docs/lgpd.md.
/// </summary>
public sealed class AnonymiseCustomer(AppDbContext db, CurrentBusiness current, PhoneBlockList blocks, TimeProvider clock)
{
    public const string PhonePrefix = "anon-";
    public const string AuditField = "Anonimização";
    public const string BlockAuditField = "Bloqueio";

    // The phone spellings (@spellings) cover what report summaries and audit values may hold.
    private const string Sql = """
        UPDATE audit_entries SET
            old_value = CASE WHEN old_value IS NULL THEN NULL ELSE 'anonimizado' END,
            new_value = CASE WHEN new_value IS NULL THEN NULL ELSE 'anonimizado' END
         WHERE business_id = @business AND subject = 'Cliente' AND subject_id = @customer;
        UPDATE report_runs SET top_customer = 'Cliente anonimizado' || COALESCE(substring(top_customer FROM ' · [^·]* pontos$'), '')
         WHERE business_id = @business AND top_customer IS NOT NULL
           AND EXISTS (SELECT 1 FROM unnest(@spellings) s WHERE position(s IN top_customer) > 0);
        -- Stored PDFs built since the customer's first purchase may list them: they go (emails already sent cannot be recalled).
        DELETE FROM report_files f USING report_runs r
         WHERE f.business_id = @business AND r.business_id = @business AND r.id = f.run_id AND r.created_at >= @since;
        UPDATE ledger_entries SET reason = NULL WHERE business_id = @business AND customer_id = @customer AND reason IS NOT NULL;
        UPDATE purchases SET reversal_reason = 'anonimizado' WHERE business_id = @business AND customer_id = @customer AND reversal_reason IS NOT NULL;
        UPDATE consent_events SET how = NULL, reason = NULL WHERE business_id = @business AND customer_id = @customer;
        UPDATE privacy_requests SET note = NULL WHERE business_id = @business AND customer_id = @customer;
        DELETE FROM invitation_guests WHERE business_id = @business AND customer_id = @customer;
        DELETE FROM customer_aliases WHERE business_id = @business AND customer_id = @customer;
        -- Uploaded CSVs waiting for confirmation may list the customer: they go (the owner uploads again).
        DELETE FROM customer_imports WHERE business_id = @business AND status = 0;
        UPDATE customers SET phone = @anon_phone, name = NULL, email = NULL, birth_date = NULL, anonymized_at = @now,
               contact_opt_out_at = COALESCE(contact_opt_out_at, @now), agenda_snoozed_until = NULL
         WHERE business_id = @business AND id = @customer;
        INSERT INTO audit_entries (business_id, user_id, at, subject, subject_id, field, old_value, new_value)
        VALUES (@business, @user, @now, 'Cliente', @customer, @field, NULL, @reason);
        -- The requests this answers (anonymisation, elimination; and leaving the programme when blocking).
        UPDATE privacy_requests SET answered_at = @now, answered_by_user_id = @user
         WHERE business_id = @business AND customer_id = @customer AND answered_at IS NULL AND "right" = ANY(@rights);
        """;

    private sealed record Target(string Phone, DateTime? FirstPurchaseAt, DateTime CreatedAt, DateTime? AnonymizedAt);

    /// <summary>Anonymises the customer; with <paramref name="block"/> their phones also go on the block list.</summary>
    public async Task<AnonymiseOutcome> HandleAsync(Guid customerId, bool block, Guid? userId, string reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = await db.Customers.FromSql($"SELECT * FROM customers WHERE id = {customerId} FOR UPDATE")
            .Select(c => new Target(c.Phone, c.FirstPurchaseAt, c.CreatedAt, c.AnonymizedAt)).FirstOrDefaultAsync(ct);
        if (target is null) return AnonymiseOutcome.NotFound;
        if (target.AnonymizedAt is not null && !block) return AnonymiseOutcome.AlreadyDone;
        var phones = target.AnonymizedAt is null
            ? await db.CustomerAliases.Where(a => a.CustomerId == customerId).Select(a => a.Phone).ToListAsync(ct)
            : [];
        if (target.AnonymizedAt is null) phones.Add(target.Phone);
        var now = clock.GetUtcNow().UtcDateTime;
        // Who does it: the owner; the retention job acts as the business's first owner.
        var actor = userId ?? await db.Users.OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync(ct);
        if (block)
        {
            if (phones.Count == 0) return AnonymiseOutcome.AlreadyDone;   // anonymised before: the number is gone, nothing to block
            foreach (var phone in phones.Distinct())
            {
                var hash = blocks.Hash(phone);
                if (!await db.BlockedPhones.AnyAsync(b => b.PhoneHash == hash, ct))
                    db.BlockedPhones.Add(new BlockedPhone { PhoneHash = hash, BlockedAt = now, UserId = actor });
            }
            await db.SaveChangesAsync(ct);
        }
        if (target.AnonymizedAt is null)
        {
            await using var cmd = TenantSql.Command(db, Sql);
            var p = cmd.Parameters;
            p.AddWithValue("business", current.RequiredId);
            p.AddWithValue("customer", customerId);
            p.AddWithValue("spellings", phones.SelectMany(BrazilianPhone.Spellings).Distinct().ToArray());
            p.AddWithValue("since", target.FirstPurchaseAt ?? target.CreatedAt);
            p.AddWithValue("anon_phone", PhonePrefix + customerId.ToString("N")[^15..]);
            p.AddWithValue("now", now);
            p.AddWithValue("user", actor);
            p.AddWithValue("field", block ? BlockAuditField : AuditField);
            p.AddWithValue("reason", reason);
            p.AddWithValue("rights", (block ? new[] { PrivacyRight.Anonymisation, PrivacyRight.Elimination, PrivacyRight.Revocation }
                : [PrivacyRight.Anonymisation, PrivacyRight.Elimination]).Select(r => (int)r).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return AnonymiseOutcome.Done;
    }
}
