namespace Reconhece.Web.Domain;

/// <summary>
/// A phone that belonged to a customer merged into another: a purchase with that phone goes to the kept
/// customer. The phone of an alias is unique per business, like a customer's.
/// </summary>
public class CustomerAlias : ITenantOwned
{
    public Guid BusinessId { get; set; }
    /// <summary>E.164.</summary>
    public required string Phone { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A phone whose owner asked to leave the programme (LGPD art. 18 IV, IX). Kept only as a keyed hash
/// (<see cref="PhoneHash"/>): the list cannot be read back into numbers, yet a purchase with the number
/// is refused.
/// </summary>
public class BlockedPhone : ITenantOwned
{
    public Guid BusinessId { get; set; }
    public required byte[] PhoneHash { get; set; }
    public DateTime BlockedAt { get; set; }
    public Guid UserId { get; set; }
}
