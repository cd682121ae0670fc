using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Promotions;

/// <summary>A promotion that applies to a purchase and the bonus it would give.</summary>
/// <summary>
/// A promotion's bonus for one purchase. <paramref name="NeedsHistory"/>: whether the promotion may refuse
/// this customer for what the database knows (an audience, a use limit, a budget); one without any of these
/// gives its bonus to every purchase it applies to, so the purchase statement writes it directly.
/// </summary>
public sealed record PromotionOffer(Guid PromotionId, string Name, decimal Bonus, bool NeedsHistory = false);

/// <summary>
/// Which promotions apply to a purchase by what needs no history: the window, the weekday and the branch,
/// the minimum amount and quantity, and the bonus each would give. What does need history (the audience,
/// the uses per customer and per day, the budget) is decided by the bonus statement
/// (Features/Points/Sql/promotion-bonus.sql), which also picks the best offer: promotions never add up.
/// </summary>
public static class PromotionRules
{
    /// <summary>The promotions that apply at this moment and branch, whatever the purchase (the form's "Promoções de hoje").</summary>
    public static IEnumerable<Promotion> Running(IEnumerable<Promotion> promotions, DateTime utcNow, TimeZoneInfo zone, Guid? branchId)
    {
        var day = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone).DayOfWeek;
        return promotions.Where(p => p.IsRunning(utcNow) && p.AppliesOn(day)
            && (p.BranchIds is null || branchId is null || p.BranchIds.Contains(branchId.Value)));
    }

    /// <summary>The offers for one purchase, best first. Nothing when the purchase earns no base points.</summary>
    public static List<PromotionOffer> OffersFor(IEnumerable<Promotion> promotions, LoyaltyProgram program, DateTime utcNow, TimeZoneInfo zone,
        Guid branchId, decimal basePoints, decimal? amount, int? quantity) =>
        Running(promotions, utcNow, zone, branchId)
            .Where(p => (p.MinAmount is not { } min || amount >= min) && (p.MinQuantity is not { } q || quantity >= q))
            .Select(p => new PromotionOffer(p.Id, p.Name, Bonus(p, program.Rule, basePoints, amount), NeedsHistory(p)))
            .Where(o => o.Bonus > 0)
            .OrderByDescending(o => o.Bonus)
            .ToList();

    /// <summary>What promotion-bonus.sql decides per customer; a promotion with none of it always gives its bonus.</summary>
    public static bool NeedsHistory(Promotion p) =>
        p.Audience != PromotionAudience.Everyone || p.MaxUsesPerCustomer is not null || p.MaxUsesPerDay is not null || p.BudgetPoints is not null;

    /// <summary>
    /// The offers the bonus statement must weigh: those best-first down to the first that needs no history,
    /// which wins over everything after it. Empty when the best offer needs no history: it simply wins.
    /// </summary>
    public static IReadOnlyList<PromotionOffer> ToWeigh(IReadOnlyList<PromotionOffer> bestFirst)
    {
        for (var i = 0; i < bestFirst.Count; i++)
            if (!bestFirst[i].NeedsHistory) return i == 0 ? [] : bestFirst.Take(i + 1).ToList();
        return bestFirst;
    }

    /// <summary>The extra points a promotion gives on top of the base points, rounded as the programme rounds.</summary>
    public static decimal Bonus(Promotion p, PointRule rule, decimal basePoints, decimal? amount) => p.Benefit switch
    {
        PromotionBenefit.Multiplier => rule.Round(basePoints * (p.BenefitValue - 1m)),
        PromotionBenefit.ExtraPoints => p.BenefitValue,
        PromotionBenefit.PointsPerReaisAbove => amount is { } a && p.AboveAmount is { } above && p.StepAmount is > 0m && a > above
            ? Math.Floor((a - above) / p.StepAmount.Value) * p.BenefitValue
            : 0m,
        _ => 0m,
    };
}
