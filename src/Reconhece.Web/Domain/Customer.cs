namespace Reconhece.Web.Domain;

/// <summary>
/// A customer of one business, known by mobile number across all its branches. The totals are kept
/// with every purchase so lists, the dashboard and reports never scan all purchases.
/// </summary>
public class Customer : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    /// <summary>E.164, e.g. +5511987654321. Unique per business. An anonymised customer gets "anon:" and its id.</summary>
    public required string Phone { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>Always equals the sum of the customer's ledger entries.</summary>
    public decimal Balance { get; set; }
    /// <summary>Points ever earned by purchases (net of reversals); the ABC ranking uses it.</summary>
    public decimal LifetimePoints { get; set; }
    public decimal LifetimeSpend { get; set; }
    public int Visits { get; set; }
    public DateTime? FirstPurchaseAt { get; set; }
    public DateTime? LastPurchaseAt { get; set; }
    /// <summary>When the balance last reached the goal; null while below it.</summary>
    public DateTime? EligibleSince { get; set; }
    public Guid? FirstBranchId { get; set; }
    /// <summary>Where the customer last bought: staff who see the agenda see their branch's customers.</summary>
    public Guid? LastBranchId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when the customer does not want to be contacted (LGPD art. 18 IX); they still earn points.</summary>
    public DateTime? ContactOptOutAt { get; set; }
    /// <summary>Set when the customer was anonymised (LGPD art. 18 IV): no phone, name, email or birth date is left.</summary>
    public DateTime? AnonymizedAt { get; set; }
    /// <summary>Unsubscribed from the automatic e-mails (one click, RFC 8058); other contact is not affected.</summary>
    public DateTime? EmailOptOutAt { get; set; }
    /// <summary>The agenda leaves the customer out until then ("Adiar 7 dias", or a contact just made).</summary>
    public DateTime? AgendaSnoozedUntil { get; set; }
    /// <summary>The median number of days between visits, kept by the agenda (<see cref="RhythmVisits"/> tells when it is stale).</summary>
    public double? RhythmDays { get; set; }
    /// <summary>The visit count <see cref="RhythmDays"/> was computed at; another count means it is stale.</summary>
    public int? RhythmVisits { get; set; }
    /// <summary>The business's local day of <see cref="EarnDayCount"/>: the daily earning limit's counter (purchase.sql).</summary>
    public DateOnly? EarnDay { get; set; }
    /// <summary>Purchases on <see cref="EarnDay"/> that earned points; a reversal the same day gives the slot back.</summary>
    public int EarnDayCount { get; set; }
    /// <summary>RFV scores 1–5 (recency, frequency, value; quintiles within the business) and the segment
    /// they place the customer in, recomputed nightly (Features/Segments). Null before the first run or with no purchase.</summary>
    public short? RfvR { get; set; }
    public short? RfvF { get; set; }
    public short? RfvV { get; set; }
    public RfvSegment? Segment { get; set; }
    public DateTime? SegmentAt { get; set; }
    /// <summary>The segment at the end of last month, kept by the first run of <see cref="SegmentMonth"/> (the first
    /// day of that month in the business's zone), so Segmentos can say who moved since last month.</summary>
    public RfvSegment? SegmentPrev { get; set; }
    public DateOnly? SegmentMonth { get; set; }
    /// <summary>
    /// The generation of the customer's card link (/c/{token}, Features/Cards): the token is a keyed MAC over
    /// it, so moving it on ends the old link ("Gerar novo link", a corrected phone, a merge, anonymising).
    /// </summary>
    public int CardGeneration { get; set; }
    /// <summary>Whether the latest purchase earned: how the purchase statement reads its own decision back.</summary>
    public bool LastPurchaseEarned { get; set; } = true;
}
