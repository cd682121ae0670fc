using Reconhece.Web.Data;

namespace Reconhece.Web.Features.Promotions;

/// <summary>
/// Customers held out of a promotion as its control group get no contact until it ends: every contact list
/// leaves them out (Ações' SQL placement says the same in SQL: AgendaQuery).
/// </summary>
public static class ControlGroups
{
    public static IQueryable<Guid> HeldOut(AppDbContext db, DateTime utcNow) =>
        db.PromotionMembers.Where(m => m.IsControl && db.Promotions.Any(o => o.Id == m.PromotionId && (o.StoppedAt ?? o.EndsAt) > utcNow))
            .Select(m => m.CustomerId);
}
