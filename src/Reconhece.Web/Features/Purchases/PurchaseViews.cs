using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Purchases;

public sealed record RegisterForm(
    RegisterPurchaseInput Input,
    PointRuleKind RuleKind, decimal ValuePerPoint, string? UnitName, decimal PointsPerUnit,
    bool CollectName, bool CollectEmail, bool CollectBirthDate,
    IReadOnlyList<(Guid Id, string Name)> Branches, Guid? BranchId)
{
    /// <summary>The purchase this form's key registered before, when the form came back with other content.</summary>
    public Guid? RegisteredWithKey { get; init; }

    /// <summary>Customers whose phone is one typo away from the one typed: "É a mesma pessoa?"</summary>
    public IReadOnlyList<NearCustomer> Near { get; init; } = [];

    /// <summary>The promotions that apply here today, for staff to mention at the counter.</summary>
    public IReadOnlyList<TodayPromotion> Promotions { get; init; } = [];

    /// <summary>The customer chosen on their page, when the form registers for them.</summary>
    public ChosenCustomer? Chosen { get; init; }
}

public sealed record ChosenCustomer(Guid Id, string? Name, string Phone, decimal Balance);

public sealed record TodayPromotion(string Name, string Benefit, string? Description, decimal? MinAmount);

public sealed record PurchaseResult(
    Guid PurchaseId, Guid CustomerId, string? CustomerName, string Phone, bool IsNewCustomer,
    decimal? Amount, int? Quantity, string? UnitName, decimal Points, decimal Balance, decimal Goal,
    string RecognitionText, string BranchName, DateTime At, TimeZoneInfo Zone, bool Reversed, bool CanReverse,
    PurchaseHints Hints)
{
    /// <summary>A customer without a name, while the business collects names and the counter may still add one.</summary>
    public bool OfferName { get; init; }
    /// <summary>Staff viewing their own purchase: until when they may undo it themselves.</summary>
    public DateTime? UndoUntil { get; init; }
    public decimal BonusPoints { get; init; }
    public string? PromotionName { get; init; }
    public NoEarnReason? NoEarnReason { get; init; }
    public decimal? MinEarningAmount { get; init; }
    public decimal? MaxPointsPerPurchase { get; init; }
    public int? MaxEarningPurchasesPerDay { get; init; }
    /// <summary>"Ganhou o brinde!" while the balance reaches the goal and the purchase stands.</summary>
    public Recognition.GiftBanner? Gift { get; init; }

    public bool Eligible => Domain.Goal.IsReached(Balance, Goal);
    public int Percent => Domain.Goal.Percent(Balance, Goal);
    public decimal Missing => Domain.Goal.Missing(Balance, Goal);
}

/// <summary>
/// What staff should know at the counter, the seed's "atenção especial durante as compras": a class A
/// customer, a customer back after a long absence, one close to the goal, one who does not want contact.
/// </summary>
public sealed record PurchaseHints(bool ClassA, int? BackAfterDays, bool NearGoal, bool NoContact);
