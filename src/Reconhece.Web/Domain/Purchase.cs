namespace Reconhece.Web.Domain;

/// <summary>Why a stored purchase earned no points (programme settings, "Limites").</summary>
public enum NoEarnReason
{
    /// <summary>The amount is under the minimum that earns points.</summary>
    BelowMinimum = 1,
    /// <summary>The customer already had the day's maximum of purchases that earn.</summary>
    DailyLimit = 2,
    /// <summary>The purchase would earn more than the maximum points of one purchase: a typo guard, never capped.</summary>
    AbovePointsCap = 3,
}

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
    /// <summary>The base points (0 when an earning limit stopped it: <see cref="NoEarnReason"/>).</summary>
    public decimal Points { get; set; }
    /// <summary>Extra points from <see cref="PromotionId"/>, in their own ledger entry (kind PromotionBonus).</summary>
    public decimal BonusPoints { get; set; }
    public Guid? PromotionId { get; set; }
    /// <summary>Why the purchase earned nothing, when a limit stopped it; staff are told.</summary>
    public NoEarnReason? NoEarnReason { get; set; }
    public DateTime At { get; set; }
    /// <summary>One per rendered form: a double tap or a retry finds the first purchase instead of adding one.</summary>
    public Guid IdempotencyKey { get; set; }
    public bool WasNewCustomer { get; set; }
    public DateTime? ReversedAt { get; set; }
    public Guid? ReversedByUserId { get; set; }
    public string? ReversalReason { get; set; }
}
