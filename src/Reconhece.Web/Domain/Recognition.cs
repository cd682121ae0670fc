namespace Reconhece.Web.Domain;

/// <summary>The owner recognised a customer who reached the goal: what was given, by whom, when.</summary>
public class Recognition : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid UserId { get; set; }
    public required string What { get; set; }
    public decimal PointsDebited { get; set; }
    public DateTime At { get; set; }
}
