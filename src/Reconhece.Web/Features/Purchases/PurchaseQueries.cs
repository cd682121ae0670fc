using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Purchases;

public static class PurchaseQueries
{
    /// <summary>Below this many ranked customers a shop's "class A" is a handful of people and says nothing.</summary>
    public const int MinCustomersForClassA = 30;

    public static async Task<PurchaseResult?> ResultAsync(AppDbContext db, Guid purchaseId, bool isOwner, Guid userId, DateTime now, CancellationToken ct)
    {
        var row = await db.Purchases.Where(p => p.Id == purchaseId)
            .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => new { p, c })
            .Select(x => new
            {
                x.p.Id, x.p.CustomerId, CustomerBusinessId = x.c.BusinessId, x.c.Name, x.c.Phone, x.p.WasNewCustomer, x.p.Amount, x.p.Quantity, x.p.Points,
                x.p.BonusPoints, x.p.NoEarnReason, Promotion = db.Promotions.Where(o => o.Id == x.p.PromotionId).Select(o => o.Name).FirstOrDefault(),
                x.c.Balance, x.p.At, x.p.ReversedAt, x.p.UserId, x.c.LifetimePoints, x.c.ContactOptOutAt, x.c.AnonymizedAt,
                Branch = db.Branches.Where(b => b.Id == x.p.BranchId).Select(b => b.Name).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var business = await db.BusinessAsync(ct);
        var (program, zone) = (business.Program, business.Zone);
        // The class as the ABC report ranks it (abc_class_of: the rule of abc_classes for one customer). Never
        // asked on a first purchase (a single big purchase is not loyalty), and only once the shop has enough
        // ranked customers: the count stops at that many, so the one scan of the business is abc_class_of's.
        var classA = !row.WasNewCustomer && await db.Database.SqlQuery<bool>($"""
            SELECT CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM customers WHERE business_id = {row.CustomerBusinessId} AND visits > 0
                                                    LIMIT {MinCustomersForClassA}) r) >= {MinCustomersForClassA}
                        THEN COALESCE(abc_class_of({row.CustomerBusinessId}, {row.CustomerId}) = 'A', false) ELSE false END AS "Value"
            """).SingleAsync(ct);
        var previous = await db.Purchases.Where(p => p.CustomerId == row.CustomerId && p.At < row.At && p.ReversedAt == null)
            .MaxAsync(p => (DateTime?)p.At, ct);
        var backAfter = Inactivity.ReturnsFromInactivity(previous, row.At, program.InactivityDays) ? (int)(row.At - previous!.Value).TotalDays : (int?)null;
        var hints = new PurchaseHints(
            classA,
            backAfter, Goal.IsNear(row.Balance, program.Goal, business.Agenda.NearGoalPercent),
            row.ContactOptOutAt is not null);
        return new PurchaseResult(row.Id, row.CustomerId, row.Name, row.Phone, row.WasNewCustomer, row.Amount, row.Quantity,
            program.RuleKind == PointRuleKind.ByUnit ? program.UnitName : null, row.Points, row.Balance, program.Goal,
            program.RecognitionText, row.Branch, row.At, zone, row.ReversedAt is not null,
            row.ReversedAt is null && CounterWindow.Open(isOwner, row.UserId, row.At, userId, now), hints)
        {
            OfferName = program.CollectName && row.Name is null && row.ReversedAt is null && row.AnonymizedAt is null
                && CounterWindow.Open(isOwner, row.UserId, row.At, userId, now),
            UndoUntil = !isOwner && row.ReversedAt is null && CounterWindow.Open(false, row.UserId, row.At, userId, now) ? row.At + CounterWindow.StaffWindow : null,
            BonusPoints = row.BonusPoints, PromotionName = row.Promotion, NoEarnReason = row.NoEarnReason,
            MinEarningAmount = program.MinEarningAmount, MaxPointsPerPurchase = program.MaxPointsPerPurchase,
            MaxEarningPurchasesPerDay = program.MaxEarningPurchasesPerDay,
            Gift = Goal.IsReached(row.Balance, program.Goal) && row.ReversedAt is null
                ? new Recognition.GiftBanner(row.CustomerId, row.Id, program.RecognitionText, program.Goal,
                    Recognition.GiftHandOver.Allowed(isOwner, program), isOwner, null, zone)
                : null,
        };
    }
}
