namespace Reconhece.Web.Domain;

/// <summary>
/// A change in whether a customer accepts being contacted (LGPD art. 18 IX, revocation of consent; see
/// ../docs/lgpd.md): who recorded it, when, how the customer said it and, to undo an opt-out, why.
/// The customer's current state is <see cref="Customer.ContactOptOutAt"/>; these rows are its history.
/// </summary>
public class ConsentEvent : ITenantOwned
{
    public const int HowMaxLength = 120;
    public const int ReasonMaxLength = 200;

    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>Who on the team recorded it; null when the customer did, on their card (<see cref="How"/> says so).</summary>
    public Guid? UserId { get; set; }
    /// <summary>True: the customer stopped accepting contact; false: the owner undid that.</summary>
    public bool OptedOut { get; set; }
    public DateTime At { get; set; }
    /// <summary>How the customer said it, e.g. "No balcão", "Respondeu no WhatsApp".</summary>
    public string? How { get; set; }
    public string? Reason { get; set; }
}
