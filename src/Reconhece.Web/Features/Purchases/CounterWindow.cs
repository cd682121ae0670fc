namespace Reconhece.Web.Features.Purchases;

/// <summary>
/// What the person at the counter may still do to a purchase they just registered (issue 22): undo it (with
/// a reason) and give a new customer a name. The owner may, on any purchase, any time; staff only on one
/// they registered themselves, within <see cref="StaffWindow"/>. Older mistakes stay with the owner.
/// </summary>
public static class CounterWindow
{
    public static readonly TimeSpan StaffWindow = TimeSpan.FromMinutes(10);

    public static bool Open(bool isOwner, Guid registeredBy, DateTime registeredAt, Guid userId, DateTime now) =>
        isOwner || (registeredBy == userId && now - registeredAt <= StaffWindow);
}
