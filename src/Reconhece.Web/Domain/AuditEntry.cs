namespace Reconhece.Web.Domain;

/// <summary>Who changed what, when (program settings, customer fields): old → new, one row per field.</summary>
public class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid BusinessId { get; set; }
    /// <summary>Who did it; null when it was done by someone with no account (a report recipient's "parar" link).</summary>
    public Guid? UserId { get; set; }
    public DateTime At { get; set; }
    /// <summary>"Programa", "Cliente" ...</summary>
    public required string Subject { get; set; }
    public Guid? SubjectId { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
