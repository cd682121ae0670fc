namespace Reconhece.Web.Domain;

/// <summary>
/// One signed-in session (a phone, a browser). The cookie carries only its key; the sign-in ticket lives
/// here, encrypted, so signing out, a new password or a deactivation ends the session on the server.
/// </summary>
public class AuthSession : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The ticket (claims, expiry), serialised and protected with data protection.</summary>
    public required byte[] Ticket { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}
