namespace Reconhece.Web.Domain;

/// <summary>
/// The till's total sales of one branch on one day, typed by staff or the owner (optional). With it the
/// history shows how much of the revenue came from identified customers (Kiskadi's "% de compras
/// pontuadas", Reshop's "vendas sem cliente"; ../shared/DOMAIN.md, "Share of identified sales").
/// </summary>
public class TillTotal : ITenantOwned
{
    public Guid BusinessId { get; set; }
    public Guid BranchId { get; set; }
    /// <summary>The business's local day.</summary>
    public DateOnly Day { get; set; }
    public decimal Amount { get; set; }
    public Guid UserId { get; set; }
    public DateTime UpdatedAt { get; set; }
}
