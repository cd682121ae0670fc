namespace Reconhece.Web.Domain;

/// <summary>A branch (filial) of a business. Customers are recognised across all branches.</summary>
public class Branch : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
