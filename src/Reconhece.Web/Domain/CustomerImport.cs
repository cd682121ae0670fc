namespace Reconhece.Web.Domain;

/// <summary>A CSV of customers imported once; the file's SHA-256 refuses the same file a second time.</summary>
public class CustomerImport : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required byte[] FileHash { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public decimal Points { get; set; }
}
