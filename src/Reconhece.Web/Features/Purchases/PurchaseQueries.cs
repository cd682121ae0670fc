using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Purchases;

public static class PurchaseQueries
{
    public static async Task<PurchaseResult?> ResultAsync(AppDbContext db, Guid purchaseId, bool isOwner, CancellationToken ct)
    {
        var row = await db.Purchases.Where(p => p.Id == purchaseId)
            .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => new { p, c })
            .Select(x => new
            {
                x.p.Id, x.p.CustomerId, x.c.Name, x.c.Phone, x.p.WasNewCustomer, x.p.Amount, x.p.Quantity, x.p.Points,
                x.c.Balance, x.p.At, x.p.ReversedAt,
                Branch = db.Branches.Where(b => b.Id == x.p.BranchId).Select(b => b.Name).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var program = await db.Programs.AsNoTracking().SingleAsync(ct);
        var zone = BrazilTimeZones.Find(await db.Businesses.Select(b => b.TimeZoneId).SingleAsync(ct));
        return new PurchaseResult(row.Id, row.CustomerId, row.Name, row.Phone, row.WasNewCustomer, row.Amount, row.Quantity,
            program.RuleKind == PointRuleKind.ByUnit ? program.UnitName : null, row.Points, row.Balance, program.Goal,
            program.RecognitionText, row.Branch, row.At, zone, row.ReversedAt is not null, isOwner && row.ReversedAt is null);
    }
}
