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
        "Olá, {nome}! Aqui é da {negocio}. Você é um dos nossos clientes especiais e queremos te agradecer: {reconhecimento}. Passe aqui para receber!";

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

    public PointRule Rule => new(RuleKind, ValuePerPoint, Rounding, PointsPerUnit);
}
