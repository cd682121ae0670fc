namespace Reconhece.Web.Domain;

/// <summary>
/// An extra address for the weekly reports (besides the owners). The reports carry customers' personal
/// data, so an address gets nothing until its owner opens the confirmation link sent to it. A row outlives
/// the address's removal from the settings (unconfirmed again): when it was invited, and whether it asked to
/// stop, still hold if the address is typed in again.
/// </summary>
public class ReportRecipient : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Email { get; set; }
    /// <summary>SHA-256 (hex) of the token in the latest confirmation link; the token itself is never stored.</summary>
    public string? TokenHash { get; set; }
    public DateTime? InvitedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>When the address stopped the reports through the link in one of them: it gets nothing, not even
    /// "Reenviar convites", until the owner invites it again and it confirms again.</summary>
    public DateTime? StoppedAt { get; set; }
}
