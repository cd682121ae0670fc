using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Purchases;

public enum ReverseOutcome { Reversed, AlreadyReversed, NotFound, ReasonTooLong }

/// <summary>
/// The owner cancels a mistaken purchase: the purchase is marked reversed and a reversing ledger entry
/// takes its points (and its visit and amount) back. Nothing is deleted.
/// </summary>
public sealed class ReversePurchase(AppDbContext db, PointsLedger ledger, CurrentBusiness current, TimeProvider clock)
{
    /// <summary>The reason's column limit (purchases.reversal_reason, ledger_entries.reason).</summary>
    public const int ReasonMaxLength = 200;

    public async Task<ReverseOutcome> HandleAsync(Guid purchaseId, string? reason, Guid userId, CancellationToken ct)
    {
        var business = current.RequiredId;
        var now = clock.GetUtcNow().UtcDateTime;
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        // Refused, never cut: the owner sees why and nothing is reversed.
        if (why is { Length: > ReasonMaxLength }) return ReverseOutcome.ReasonTooLong;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Marking it first, conditionally, makes a double-tapped "Estornar" a no-op the second time.
        var marked = await db.Purchases.Where(p => p.Id == purchaseId && p.ReversedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReversedAt, now).SetProperty(p => p.ReversedByUserId, userId)
                .SetProperty(p => p.ReversalReason, why), ct);
        if (marked == 0)
            return await db.Purchases.AnyAsync(p => p.Id == purchaseId, ct) ? ReverseOutcome.AlreadyReversed : ReverseOutcome.NotFound;

        var p = await db.Purchases.AsNoTracking().Where(x => x.Id == purchaseId)
            .Select(x => new { x.CustomerId, x.Points, x.Amount }).SingleAsync(ct);
        var goal = await db.Programs.Select(x => x.Goal).SingleAsync(ct);
        var (outcome, _) = await ledger.ApplyAsync(new LedgerMove(p.CustomerId, LedgerKind.Reversal, -p.Points)
        {
            LifetimePoints = -p.Points, Spend = -(p.Amount ?? 0m), Visits = -1, UserId = userId, PurchaseId = purchaseId,
            Reason = why,
        }, goal, ct);
        if (outcome != LedgerOutcome.Applied) throw new InvalidOperationException($"Reversal of {purchaseId} was not applied: {outcome}");

        // First and last purchase dates come from the purchases that still count.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE customers SET
                first_purchase_at = (SELECT min(at) FROM purchases WHERE customer_id = {p.CustomerId} AND business_id = {business} AND reversed_at IS NULL),
                last_purchase_at = (SELECT max(at) FROM purchases WHERE customer_id = {p.CustomerId} AND business_id = {business} AND reversed_at IS NULL)
            WHERE id = {p.CustomerId} AND business_id = {business}
            """, ct);
        await tx.CommitAsync(ct);
        return ReverseOutcome.Reversed;
    }
}
