using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// The few questions that must look across businesses, kept here so every bypass of the tenant
/// filter is in Tenancy/ (grep IgnoreQueryFilters / AcrossBusinesses).
/// </summary>
public static class PlatformLookups
{
    /// <summary>Emails sign people in, so they are unique across the platform.</summary>
    public static Task<Guid?> UserIdByEmailAsync(this AppDbContext db, string normalizedEmail, CancellationToken ct) =>
        db.Users.AcrossBusinesses().Where(u => u.NormalizedEmail == normalizedEmail)
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);

    /// <summary>Sign-in runs before there is a current business.</summary>
    public static Task<bool> BusinessIsActiveAsync(this AppDbContext db, Guid businessId) =>
        db.Businesses.AcrossBusinesses().Where(b => b.Id == businessId).Select(b => b.IsActive).FirstOrDefaultAsync();
}
