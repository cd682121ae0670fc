namespace Reconhece.Web.Domain;

public enum LedgerKind
{
    Earn = 0,
    Recognition = 1,
    Adjustment = 2,
    Reversal = 3,
    /// <summary>Two records of one person joined: the entries moved, this one (0 points) marks when.</summary>
    Merge = 4,
    /// <summary>"Saldo importado": an opening balance from a CSV import.</summary>
    Import = 5,
    /// <summary>The bonus of a promotion, on its purchase: a separate entry, so the bonus reads apart from the base.</summary>
    PromotionBonus = 6,
    /// <summary>"Pontos expirados": points older than the programme's expiry, oldest first (Features/Points/ExpirePoints).</summary>
    Expiry = 7,
}

/// <summary>Append-only movement of a customer's points. The balance is the sum of these.</summary>
public class LedgerEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public LedgerKind Kind { get; set; }
    /// <summary>Positive for earn and positive adjustments; negative for recognitions, reversals and negative adjustments.</summary>
    public decimal Points { get; set; }
    public decimal BalanceAfter { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public Guid? PurchaseId { get; set; }
    public Guid? RecognitionId { get; set; }
    public string? Reason { get; set; }
    /// <summary>The form's key for owner actions (recognition, adjustment): a double tap is applied once.</summary>
    public Guid? IdempotencyKey { get; set; }
}
