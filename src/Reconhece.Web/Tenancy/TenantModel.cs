using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Tenancy;

/// <summary>The one place where tenant query filters are declared.</summary>
public static class TenantModel
{
    public const string FilterName = "Tenant";

    public static void ApplyTenantFilters(this ModelBuilder builder, AppDbContext db)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            if (!typeof(ITenantOwned).IsAssignableFrom(clr) || entityType.BaseType is not null) continue;
            if (clr == typeof(AppUser)) continue; // see below

            // e => e.BusinessId == db.CurrentBusinessId (null matches nothing)
            var e = Expression.Parameter(clr, "e");
            var body = Expression.Equal(
                Expression.Convert(Expression.Property(e, nameof(ITenantOwned.BusinessId)), typeof(Guid?)),
                Expression.Property(Expression.Constant(db), nameof(AppDbContext.CurrentBusinessId)));
            builder.Entity(clr).HasQueryFilter(FilterName, Expression.Lambda(body, e));
        }

        // Users: signing in happens before anyone is signed in, so an anonymous request (and only that)
        // may look a user up by email across businesses. A signed-in user sees only their business's people.
        builder.Entity<AppUser>().HasQueryFilter(FilterName,
            u => db.CurrentBusinessId == null || u.BusinessId == db.CurrentBusinessId);

        // The business row itself: only your own.
        builder.Entity<Business>().HasQueryFilter(FilterName, b => b.Id == db.CurrentBusinessId);
    }

    /// <summary>Bypasses the tenant filter; only for Tenancy/ and cross-business job dispatchers.</summary>
    internal static IQueryable<T> AcrossBusinesses<T>(this IQueryable<T> query) where T : class =>
        query.IgnoreQueryFilters([FilterName]);
}
