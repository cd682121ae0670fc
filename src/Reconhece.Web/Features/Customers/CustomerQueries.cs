using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Customers;

public static class CustomerQueries
{
    /// <summary>By phone in any format (exact match) or by part of the name.</summary>
    public static async Task<IReadOnlyList<CustomerRow>> SearchAsync(AppDbContext db, string query, decimal goal, CancellationToken ct)
    {
        var customers = db.Customers.AsQueryable();
        if (BrazilianPhone.TryNormalizeMobile(query, out var phone))
            customers = CustomerLookup.ByPhone(db, phone);
        else if (query.All(ch => char.IsDigit(ch) || " ()-+".Contains(ch, StringComparison.Ordinal)) && query.Count(char.IsDigit) >= 4)
            customers = customers.Where(c => c.Phone.Contains(new string(query.Where(char.IsDigit).ToArray())));
        else
            customers = customers.Where(c => c.Name != null && EF.Functions.ILike(c.Name, "%" + EscapeLike(query.Trim()) + "%"));
        return await customers.Where(c => c.AnonymizedAt == null).OrderByDescending(c => c.LastPurchaseAt).Take(50)
            .Select(c => new CustomerRow(c.Id, c.Name, c.Phone, c.Balance, c.LastPurchaseAt, Goal.IsReached(c.Balance, goal)))
            .ToListAsync(ct);
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static async Task<CustomerPage?> PageAsync(AppDbContext db, Cards.CardLinks links, Guid id, bool isOwner, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var program = (await db.BusinessAsync(ct)).Program;
        var purchases = await db.Purchases.Where(p => p.CustomerId == id).OrderByDescending(p => p.At).Take(isOwner ? 100 : 10)
            .Select(p => new PurchaseLine(p.Id, p.At, db.Branches.Where(b => b.Id == p.BranchId).Select(b => b.Name).First(),
                p.Amount, p.Quantity, p.Points + p.BonusPoints, p.ReversedAt != null))
            .ToListAsync(ct);
        var favourite = await db.Purchases.Where(p => p.CustomerId == id && p.ReversedAt == null)
            .GroupBy(p => p.BranchId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
        var favouriteName = await db.Branches.Where(b => b.Id == favourite).Select(b => b.Name).FirstOrDefaultAsync(ct);
        IReadOnlyList<LedgerLine> ledger = [];
        IReadOnlyList<RecognitionLine> recognitions = [];
        if (isOwner)
        {
            ledger = await db.Ledger.Where(l => l.CustomerId == id).OrderByDescending(l => l.Id).Take(100)
                .Select(l => new LedgerLine(l.At, l.Kind, l.Points, l.BalanceAfter, l.Reason,
                    db.Users.Where(u => u.Id == l.UserId).Select(u => u.FullName).FirstOrDefault()))
                .ToListAsync(ct);
            recognitions = await db.Recognitions.Where(r => r.CustomerId == id).OrderByDescending(r => r.At)
                .Select(r => new RecognitionLine(r.At, r.What, r.PointsDebited, db.Users.Where(u => u.Id == r.UserId).Select(u => u.FullName).First()))
                .ToListAsync(ct);
        }
        var consent = await db.ConsentEvents.Where(e => e.CustomerId == id).OrderByDescending(e => e.At).Take(20)
            .Select(e => new ConsentLine(e.At, e.OptedOut, e.How, e.Reason, db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);
        var business = await db.BusinessAsync(ct);
        var zone = business.Zone;
        // WhatsApp from the page: the invitation once the goal is reached, otherwise a greeting with the card.
        // None for a customer who does not want contact (LGPD art. 18 IX) or was anonymised.
        var whatsApp = c.ContactOptOutAt is not null || c.AnonymizedAt is not null ? null
            : Invitation.WhatsAppLink(c.Phone, Invitation.Render(Goal.IsReached(c.Balance, program.Goal) ? program.InvitationMessage : Invitation.Greeting,
                new MessageFields(c.Name, business.Name, c.Balance, program.Goal, program.RecognitionText, links.Url(c.BusinessId, c.Id, c.CardGeneration))));
        return new CustomerPage(c.Id, c.Phone, c.Name, c.Email, c.BirthDate, c.Balance, program.Goal, program.RecognitionText,
            c.LifetimeSpend, c.LifetimePoints, c.Visits, c.FirstPurchaseAt, c.LastPurchaseAt, c.EligibleSince, favouriteName,
            purchases, ledger, recognitions, isOwner, zone, Guid.NewGuid(), c.ContactOptOutAt, consent, c.AnonymizedAt)
        {
            WhatsApp = whatsApp,
            Rfv = c.Segment is { } segment ? (segment, c.RfvR ?? 0, c.RfvF ?? 0, c.RfvV ?? 0) : null,
            NextExpiry = program.PointsExpiryMonths is { } months && c.Balance > 0 ? await Points.ExpirePoints.NextAsync(db, c.BusinessId, c.Id, c.Balance, months, zone, ct) : null,
            Gift = Goal.IsReached(c.Balance, program.Goal) && c.AnonymizedAt is null
                ? new Recognition.GiftBanner(c.Id, null, program.RecognitionText, program.Goal,
                    Recognition.GiftHandOver.Allowed(isOwner, program), isOwner, c.EligibleSince, zone)
                : null,
        };
    }

}
