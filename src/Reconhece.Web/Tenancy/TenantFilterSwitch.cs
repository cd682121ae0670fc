using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Reconhece.Web.Data;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// Whether the EF tenant filter (the first wall) is on. It is always on, except in the test suite that
/// proves the second wall alone keeps businesses apart: that suite sets <c>Testing:EfTenantFilterOff</c>,
/// which only the "Testing" environment honours.
/// </summary>
public sealed record TenantFilterSwitch(bool On)
{
    public static readonly TenantFilterSwitch Default = new(true);

    public static TenantFilterSwitch From(IConfiguration configuration, IHostEnvironment environment) =>
        new(!(environment.IsEnvironment("Testing") && configuration.GetValue<bool>("Testing:EfTenantFilterOff")));
}

/// <summary>Models with and without the filter are cached apart.</summary>
public sealed class TenantModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as AppDbContext)?.TenantFilterOn ?? true, designTime);
}
