namespace Reconhece.Web.Domain;

/// <summary>The data subject's rights of LGPD art. 18 an owner registers a request for (docs/lgpd.md).</summary>
public enum PrivacyRight
{
    Confirmation = 1,
    Access = 2,
    Correction = 3,
    Anonymisation = 4,
    Portability = 5,
    Elimination = 6,
    SharingInformation = 7,
    ConsentInformation = 8,
    Revocation = 9,
}

/// <summary>
/// "Cliente pediu acesso em 27/11": a request the shop must answer, by art. 19 within 15 days. It shows
/// on the owner's pages until it is marked answered.
/// </summary>
public class PrivacyRequest : ITenantOwned
{
    public const int DeadlineDays = 15;
    public const int NoteMaxLength = 200;

    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public PrivacyRight Right { get; set; }
    public DateOnly RequestedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public string? Note { get; set; }
    /// <summary>Who on the team registered it; null when the customer asked on their card (the note says so).</summary>
    public Guid? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public Guid? AnsweredByUserId { get; set; }
    /// <summary>The form's key: a double tap registers one request.</summary>
    public Guid IdempotencyKey { get; set; }
}
