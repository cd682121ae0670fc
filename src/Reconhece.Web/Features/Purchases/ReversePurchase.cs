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
            .Select(x => new { x.CustomerId, x.Points, x.BonusPoints, x.PromotionId, x.Amount, x.At, x.NoEarnReason, x.WasNewCustomer }).SingleAsync(ct);
        var goal = await db.Programs.Select(x => x.Goal).SingleAsync(ct);
        // The bonus of a promotion goes back with the base points.
        var points = p.Points + p.BonusPoints;
        var (outcome, _) = await ledger.ApplyAsync(new LedgerMove(p.CustomerId, LedgerKind.Reversal, -points)
        {
            LifetimePoints = -points, Spend = -(p.Amount ?? 0m), Visits = -1, UserId = userId, PurchaseId = purchaseId,
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
        // "New customer" is the flag on a customer's first purchase that counts (Painel, Histórico, promotions
        // all count it): reversing that purchase hands the flag to the earliest one left, so the customer is
        // new when they really first bought.
        if (p.WasNewCustomer)
        {
            await db.Purchases.Where(x => x.Id == purchaseId).ExecuteUpdateAsync(s => s.SetProperty(x => x.WasNewCustomer, false), ct);
            var next = await db.Purchases.Where(x => x.CustomerId == p.CustomerId && x.ReversedAt == null)
                .OrderBy(x => x.At).ThenBy(x => x.Id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
            if (next is { } id) await db.Purchases.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.WasNewCustomer, true), ct);
        }
        var zone = (await db.BusinessAsync(ct)).Zone;
        // Histórico's stored days from the purchase's day on are summed again (its revenue, and maybe whose first purchase it was).
        await History.HistoryDays.ForgetAsync(db, business, p.At, zone, ct);
        // A purchase that took a slot of the daily earning limit gives it back when reversed the same day
        // (staff who typed it wrong and register it again must not lose the customer's points).
        if (p.NoEarnReason is null)
        {
            var day = Periods.LocalDay(p.At, zone);
            await db.Customers.Where(c => c.Id == p.CustomerId && c.EarnDay == day && c.EarnDayCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EarnDayCount, c => c.EarnDayCount - 1), ct);
        }
        // A promotion with a budget gets the bonus back to give again.
        if (p.PromotionId is { } promotion && p.BonusPoints > 0)
            await db.Promotions.Where(x => x.Id == promotion && x.BudgetPoints != null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BonusGranted, x => x.BonusGranted - p.BonusPoints), ct);
        await tx.CommitAsync(ct);
        return ReverseOutcome.Reversed;
    }
}
