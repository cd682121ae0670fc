namespace Reconhece.Web.Domain;

/// <summary>Who a group invitation goes to.</summary>
public enum InvitationAudience
{
    ClassA = 0,
    Eligible = 1,
    Fading = 2,
    NearGoal = 3,
    Birthdays = 4,
    /// <summary>Everyone with a purchase in the last <see cref="GroupInvitation.RecentDays"/> days.</summary>
    RecentBuyers = 5,
    /// <summary>An RFV segment (<see cref="GroupInvitation.Segment"/>), as last night's run placed the customers.</summary>
    Segment = 6,
}

/// <summary>
/// An invitation to a group for an occasion (an event, a launch, a pre-sale): "Lançamento do sabor de
/// pistache, 12/12". The guests are fixed when it is made (customers who do not want contact are never
/// among them); attendance is who bought on the occasion's date.
/// </summary>
public class GroupInvitation : ITenantOwned
{
    public const int OccasionMaxLength = 120;

    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Occasion { get; set; }
    public DateOnly OccasionDate { get; set; }
    public InvitationAudience Audience { get; set; }
    public int? RecentDays { get; set; }
    public RfvSegment? Segment { get; set; }
    public required string Message { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The form's key: a double-tapped "Criar convite" makes one invitation.</summary>
    public Guid IdempotencyKey { get; set; }
}

/// <summary>A customer invited, and when the contact was made (null: not yet).</summary>
public class InvitationGuest : ITenantOwned
{
    public Guid BusinessId { get; set; }
    public Guid InvitationId { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime? ContactedAt { get; set; }
}
