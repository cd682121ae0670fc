namespace Reconhece.Web.Domain;

public enum PointRuleKind
{
    /// <summary>R$ X,XX of purchase = 1 point.</summary>
    ByValue = 0,
    /// <summary>N points per unit of a named item (a bottle of wine, a car wash, a haircut).</summary>
    ByUnit = 1,
}

public enum PointRounding
{
    /// <summary>Whole points, rounded down (the default): R$ 45,90 at R$ 1,00 = 45 points.</summary>
    WholeDown = 0,
    /// <summary>Whole points, to the nearest (half up): R$ 45,50 at R$ 1,00 = 46 points.</summary>
    WholeNearest = 1,
    /// <summary>Fractions kept to two decimals: R$ 45,90 at R$ 1,00 = 45,90 points.</summary>
    Fractional = 2,
}

/// <summary>The owner's program: what a point is worth, the goal (meta), and what the business collects.</summary>
public class LoyaltyProgram : ITenantOwned
{
    public const string DefaultInvitation =
        "Olá, {nome}! {negocio} aqui. Você é um dos nossos clientes especiais e queremos te agradecer: {reconhecimento}. Passe aqui para receber! Seu cartão: {cartao}";

    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public PointRuleKind RuleKind { get; set; } = PointRuleKind.ByValue;
    public decimal ValuePerPoint { get; set; } = 1.00m;
    public PointRounding Rounding { get; set; } = PointRounding.WholeDown;
    public string? UnitName { get; set; }
    public decimal PointsPerUnit { get; set; } = 1m;
    public decimal Goal { get; set; } = 500m;
    public string RecognitionText { get; set; } = "um brinde especial";
    public int InactivityDays { get; set; } = 30;
    public bool CollectName { get; set; } = true;
    public bool CollectEmail { get; set; }
    public bool CollectBirthDate { get; set; }
    public string InvitationMessage { get; set; } = DefaultInvitation;
    /// <summary>Staff may hand over the gift at the counter and record it (on by default; the owner always may).</summary>
    public bool StaffCanHandOver { get; set; } = true;

    /// <summary>What the recognition costs the owner (R$), optional: a point's cost is this over the goal.</summary>
    public decimal? RewardValue { get; set; }
    /// <summary>
    /// The business's average gross margin on its sales, in percent (optional). Revenue is not profit: a
    /// promotion's extra revenue is worth only this share of it, so without it no verdict in R$ is given.
    /// </summary>
    public decimal? GrossMarginPercent { get; set; }
    /// <summary>Limits (off when null): purchases that earn per customer per day, the amount that earns, points from one purchase.</summary>
    public int? MaxEarningPurchasesPerDay { get; set; }
    public decimal? MinEarningAmount { get; set; }
    public decimal? MaxPointsPerPurchase { get; set; }
    /// <summary>Points expire this many months after they were earned, oldest first (off when null).</summary>
    public int? PointsExpiryMonths { get; set; }
    /// <summary>
    /// When expiry was last switched on or shortened. Points earned before it count their months from then,
    /// not from their purchase, so no point expires earlier than the rules promised when it was earned
    /// (the database function expiry_lots holds the rule; docs/customer-card.md).
    /// </summary>
    public DateTime? PointsExpirySince { get; set; }

    /// <summary>What one point costs the owner in R$, when the reward's value is known.</summary>
    public decimal? PointCost => RewardValue is { } v && Goal > 0 ? v / Goal : null;

    /// <summary>Why a purchase with these points and amount earns nothing, by the rules that need no history.</summary>
    public NoEarnReason? StaticNoEarnReason(decimal points, decimal? amount) =>
        MinEarningAmount is { } min && amount is { } a && a < min ? NoEarnReason.BelowMinimum
        : MaxPointsPerPurchase is { } max && points > max ? NoEarnReason.AbovePointsCap
        : null;

    public PointRule Rule => new(RuleKind, ValuePerPoint, Rounding, PointsPerUnit);
}
