namespace Reconhece.Web.Domain;

/// <summary>One purchase registered by staff. Never deleted: a mistaken one is reversed.</summary>
public class Purchase : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid BranchId { get; set; }
    public Guid UserId { get; set; }
    public decimal? Amount { get; set; }
    public int? Quantity { get; set; }
    public decimal Points { get; set; }
    public DateTime At { get; set; }
    /// <summary>One per rendered form: a double tap or a retry finds the first purchase instead of adding one.</summary>
    public Guid IdempotencyKey { get; set; }
    public bool WasNewCustomer { get; set; }
    public DateTime? ReversedAt { get; set; }
    public Guid? ReversedByUserId { get; set; }
    public string? ReversalReason { get; set; }
}
