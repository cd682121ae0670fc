using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Purchases;

public enum ReverseOutcome { Reversed, AlreadyReversed, NotFound, ReasonTooLong, ReasonMissing, TooLateForStaff }

/// <summary>
/// "Estornar" a mistaken purchase (the owner; staff their own within minutes, <see cref="CounterWindow"/>):
/// the purchase is marked reversed and a reversing ledger entry takes its points (and its visit and amount) back, with everything else the purchase moved, in one
/// statement (Features/Points/Sql/reverse-purchase.sql, the mirror of purchase.sql). Nothing is deleted.
/// </summary>
public sealed class ReversePurchase(AppDbContext db, CurrentBusiness current, TimeProvider clock)
{
    /// <summary>The reason's column limit (purchases.reversal_reason, ledger_entries.reason).</summary>
    public const int ReasonMaxLength = 200;

    public async Task<ReverseOutcome> HandleAsync(Guid purchaseId, string? reason, Guid userId, bool isOwner, CancellationToken ct)
    {
        var business = current.RequiredId;
        var now = clock.GetUtcNow().UtcDateTime;
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!isOwner)
        {
            var purchase = await db.Purchases.Where(p => p.Id == purchaseId).Select(p => new { p.UserId, p.At, p.ReversedAt }).FirstOrDefaultAsync(ct);
            if (purchase is null) return ReverseOutcome.NotFound;
            if (purchase.ReversedAt is not null) return ReverseOutcome.AlreadyReversed;
            if (!CounterWindow.Open(false, purchase.UserId, purchase.At, userId, now)) return ReverseOutcome.TooLateForStaff;
            if (why is null) return ReverseOutcome.ReasonMissing;
        }
        // Refused, never cut: the owner sees why and nothing is reversed.
        if (why is { Length: > ReasonMaxLength }) return ReverseOutcome.ReasonTooLong;
        var context = await db.BusinessAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var cmd = TenantSql.Command(db, PointsSql.ReversePurchase);
        var p = cmd.Parameters;
        p.AddWithValue("purchase", purchaseId);
        p.AddWithValue("business", business);
        p.AddWithValue("now", now);
        p.AddWithValue("user", userId);
        p.AddWithValue("reason", (object?)why ?? DBNull.Value);
        p.AddWithValue("goal", context.Program.Goal);
        p.AddWithValue("zone", context.Zone.Id);
        p.AddWithValue("reversal_kind", (int)LedgerKind.Reversal);
        DateTime? at = null;
        var found = false;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            if (!reader.IsDBNull(0)) at = reader.GetDateTime(0);
            found = reader.GetBoolean(1);
        }
        if (at is null) return found ? ReverseOutcome.AlreadyReversed : ReverseOutcome.NotFound;
        // Histórico's stored days from the purchase's day on are summed again (its revenue, and maybe whose first purchase it was).
        await History.HistoryDays.ForgetAsync(db, business, at, context.Zone, ct);
        await tx.CommitAsync(ct);
        return ReverseOutcome.Reversed;
    }
}
