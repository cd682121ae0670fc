namespace Reconhece.Web.Domain;

public enum PromotionBenefit
{
    /// <summary>The base points times N (×2 gives the base again as bonus).</summary>
    Multiplier = 0,
    /// <summary>N extra points per purchase.</summary>
    ExtraPoints = 1,
    /// <summary>N extra points for every R$ X above R$ Y.</summary>
    PointsPerReaisAbove = 2,
}

public enum PromotionAudience
{
    Everyone = 0,
    /// <summary>A list of Ações (AgendaList in <see cref="Promotion.AudienceValue"/>).</summary>
    AgendaList = 1,
    /// <summary>An ABC class ('A', 'B' or 'C' as a char code in <see cref="Promotion.AudienceValue"/>).</summary>
    AbcClass = 2,
    /// <summary>An RFV segment (<see cref="RfvSegment"/> in <see cref="Promotion.AudienceValue"/>).</summary>
    Segment = 3,
}

/// <summary>
/// A promotion: when and where it applies, what it gives, its conditions and limits, and for whom. Its
/// audience (when it is a group) and the control group held out of it are rows of
/// <see cref="PromotionMember"/>, drawn at creation and frozen once the promotion starts.
/// </summary>
public class Promotion : ITenantOwned
{
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 300;

    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>UTC instants of the local start and end the owner typed (end exclusive).</summary>
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    /// <summary>Bit d set (d = DayOfWeek, Sunday = 0) when the promotion applies on that weekday.</summary>
    public int Weekdays { get; set; } = AllWeekdays;
    /// <summary>The branches it applies at; null means all.</summary>
    public List<Guid>? BranchIds { get; set; }

    public PromotionBenefit Benefit { get; set; }
    /// <summary>The multiplier (×), or the extra points.</summary>
    public decimal BenefitValue { get; set; }
    /// <summary>For PointsPerReaisAbove: the threshold (R$ Y) and the step (R$ X).</summary>
    public decimal? AboveAmount { get; set; }
    public decimal? StepAmount { get; set; }

    public decimal? MinAmount { get; set; }
    public int? MinQuantity { get; set; }
    public int? MaxUsesPerCustomer { get; set; }
    public int? MaxUsesPerDay { get; set; }
    /// <summary>Bonus points the promotion may give in all; when spent it stops by itself.</summary>
    public decimal? BudgetPoints { get; set; }
    /// <summary>Bonus given so far, kept only for a promotion with a budget (the statement's exact check).</summary>
    public decimal BonusGranted { get; set; }
    /// <summary>What the owner spent outside points (flyers, prizes), R$.</summary>
    public decimal? OwnerCost { get; set; }

    public PromotionAudience Audience { get; set; }
    public int? AudienceValue { get; set; }
    /// <summary>Percent of the audience held out as the control group (0–50).</summary>
    public int ControlPercent { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    /// <summary>Set when the owner ends it early ("Encerrar agora").</summary>
    public DateTime? StoppedAt { get; set; }

    public const int AllWeekdays = 0b111_1111;

    public bool AppliesOn(DayOfWeek day) => (Weekdays & (1 << (int)day)) != 0;

    /// <summary>
    /// When the promotion really began: its start, or its creation when it was created after that start. A
    /// promotion created at 15:00 for "today" did not cause the morning's sales.
    /// </summary>
    public DateTime RealStart => CreatedAt > StartsAt ? CreatedAt : StartsAt;

    /// <summary>The end that counts: the planned end, or when the owner stopped it.</summary>
    public DateTime EffectiveEnd => StoppedAt is { } s && s < EndsAt ? s : EndsAt;

    public bool HasStarted(DateTime utcNow) => utcNow >= StartsAt;
    public bool IsRunning(DateTime utcNow) => utcNow >= StartsAt && utcNow < EffectiveEnd;
}

/// <summary>A customer of a targeted promotion's audience, or of its control group (no benefit, no contact).</summary>
public class PromotionMember : ITenantOwned
{
    public Guid BusinessId { get; set; }
    public Guid PromotionId { get; set; }
    public Guid CustomerId { get; set; }
    public bool IsControl { get; set; }
}
