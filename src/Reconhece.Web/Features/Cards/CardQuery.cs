using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Features.ProgramPage;
using Reconhece.Web.Features.Promotions;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Cards;

/// <summary>Reads one customer's card, inside the business the door found (the tenant walls apply).</summary>
public static class CardQuery
{
    public const int HistorySize = 10;

    public static async Task<CardPage?> LoadAsync(AppDbContext db, Guid customerId, string token, DateTime utcNow, string publicSite,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().Where(x => x.Id == customerId && x.AnonymizedAt == null)
            .Select(x => new { x.Id, x.Name, x.Phone, x.Email, x.BirthDate, x.Balance, x.ContactOptOutAt }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var business = await db.BusinessAsync(ct);
        var program = business.Program;
        var purchases = await db.Purchases.AsNoTracking().Where(p => p.CustomerId == c.Id).OrderByDescending(p => p.At).Take(HistorySize)
            .Select(p => new CardPurchase(p.At, db.Branches.Where(b => b.Id == p.BranchId).Select(b => b.Name).First(), p.Points, p.BonusPoints,
                db.Promotions.Where(o => o.Id == p.PromotionId).Select(o => o.Name).FirstOrDefault(), p.ReversedAt != null))
            .ToListAsync(ct);
        var recognitions = await db.Recognitions.AsNoTracking().Where(r => r.CustomerId == c.Id).OrderByDescending(r => r.At).Take(HistorySize)
            .Select(r => new CardRecognition(r.At, r.What, r.PointsDebited)).ToListAsync(ct);
        // The promotions the counter would give this customer today: running, and for everyone or for an
        // audience this customer is in, but not its control group (who must not hear of it: docs/promotions.md).
        var open = await db.Promotions.AsNoTracking()
            .Where(p => p.StoppedAt == null && p.EndsAt > utcNow && p.StartsAt <= utcNow)
            .Where(p => p.Audience == PromotionAudience.Everyone
                        || db.PromotionMembers.Any(m => m.PromotionId == p.Id && m.CustomerId == c.Id && !m.IsControl))
            .ToListAsync(ct);
        var promotions = PromotionRules.Running(open, utcNow, business.Zone, null)
            .Select(p => new CardPromotion(p.Name, PromotionText.Benefit(p, t), p.Description)).ToList();
        var expiry = program.PointsExpiryMonths is { } months
            ? await ExpirePoints.NextAsync(db, business.Id, c.Id, c.Balance, months, business.Zone, ct)
            : null;
        return new CardPage(token, business.Name, FirstName(c.Name), c.Balance, program.Goal, program.RecognitionText, expiry,
            purchases, recognitions, promotions, ProgramRules.All(program, t),
            business.Privacy.Slug is { } slug ? publicSite + "/p/" + slug : null, business.Zone)
        {
            MaskedPhone = Masked(c.Phone),
            Name = program.CollectName ? c.Name : null,
            Email = program.CollectEmail ? c.Email : null,
            BirthDate = program.CollectBirthDate ? c.BirthDate : null,
            OptedOut = c.ContactOptOutAt is not null,
        };
    }

    private static string? FirstName(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().Split(' ')[0];

    /// <summary>"(11) •••••-4321": enough for the customer to know it is theirs, not enough for anyone who sees the screen.</summary>
    public static string Masked(string e164)
    {
        var shown = Format.Phone(e164);
        var dash = shown.LastIndexOf('-');
        var open = shown.IndexOf(") ", StringComparison.Ordinal);
        if (dash < 0 || open < 0) return "•••" + shown[^Math.Min(4, shown.Length)..];
        return shown[..(open + 2)] + new string('•', dash - open - 2) + shown[dash..];
    }
}
