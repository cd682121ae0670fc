using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// Stamps new tenant-owned rows with the current business and refuses to write a row that belongs
/// to another business. Called by AppDbContext before every save.
/// </summary>
public static class TenantSaveGuard
{
    public static void Apply(ChangeTracker tracker, Guid? currentBusinessId)
    {
        foreach (var entry in tracker.Entries<ITenantOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity.BusinessId == Guid.Empty:
                    entry.Entity.BusinessId = currentBusinessId
                        ?? throw new InvalidOperationException($"Cannot add {entry.Metadata.ClrType.Name} without a current business.");
                    break;
                case EntityState.Added or EntityState.Modified or EntityState.Deleted
                    when currentBusinessId is not null && entry.Entity.BusinessId != currentBusinessId:
                    throw new TenantViolationException(entry.Metadata.ClrType.Name);
            }
        }
    }
}

public sealed class TenantViolationException(string entity)
    : InvalidOperationException($"Refused to save a {entity} that belongs to another business.");
