using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// The one place where the EF side of tenancy is declared: the query filter (the first wall) and the
/// composite foreign keys that make a link between two businesses' rows impossible in the database.
/// </summary>
public static class TenantModel
{
    public const string FilterName = "Tenant";

    public static void ApplyTenantFilters(this ModelBuilder builder, AppDbContext db)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            if (!typeof(ITenantOwned).IsAssignableFrom(clr) || entityType.BaseType is not null) continue;

            // e => e.BusinessId == db.CurrentBusinessId (no current business matches nothing, users included:
            // sign-in finds the person through a door in the database, Tenancy/TenantDoors).
            var e = Expression.Parameter(clr, "e");
            var body = Expression.Equal(
                Expression.Convert(Expression.Property(e, nameof(ITenantOwned.BusinessId)), typeof(Guid?)),
                Expression.Property(Expression.Constant(db), nameof(AppDbContext.CurrentBusinessId)));
            builder.Entity(clr).HasQueryFilter(FilterName, Expression.Lambda(body, e));
        }

        // The business row itself: only your own.
        builder.Entity<Business>().HasQueryFilter(FilterName, b => b.Id == db.CurrentBusinessId);
    }

    /// <summary>
    /// Every foreign key from one tenant-owned table to another becomes (business_id, x_id) →
    /// (business_id, id): two businesses' rows can never be linked, and each table is ready to be
    /// distributed by business_id. New entities get it by being ITenantOwned; nothing to remember.
    /// </summary>
    public static void ApplyTenantForeignKeys(this ModelBuilder builder)
    {
        foreach (var dependent in builder.Model.GetEntityTypes().Where(IsTenantOwned).ToList())
        {
            foreach (var fk in dependent.GetForeignKeys().ToList())
            {
                var principal = fk.PrincipalEntityType;
                if (!IsTenantOwned(principal) || fk.Properties.Any(p => p.Name == nameof(ITenantOwned.BusinessId))) continue;
                var dependentBusiness = dependent.FindProperty(nameof(ITenantOwned.BusinessId))!;
                var principalBusiness = principal.FindProperty(nameof(ITenantOwned.BusinessId))!;
                var principalKey = principal.FindKey([principalBusiness, .. fk.PrincipalKey.Properties])
                    ?? principal.AddKey([principalBusiness, .. fk.PrincipalKey.Properties]);
                var (properties, deleteBehavior, required) = (fk.Properties.ToList(), fk.DeleteBehavior, fk.IsRequired);
                dependent.RemoveForeignKey(fk);
                var composite = dependent.AddForeignKey([dependentBusiness, .. properties], principalKey, principal);
                composite.DeleteBehavior = deleteBehavior;
                composite.IsRequired = required;
            }
        }
    }

    private static bool IsTenantOwned(IMutableEntityType e) =>
        typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null && !e.IsOwned();
}
