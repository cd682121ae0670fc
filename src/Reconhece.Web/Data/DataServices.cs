using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Data;

public static class DataServices
{
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        // Read when the first context is made, so hosts and tests can set it late.
        // The app's contexts tell PostgreSQL their business with every command (the second wall).
        services.AddDbContext<AppDbContext>((sp, o) => UsePostgres(o, ConnectionString(sp.GetRequiredService<IConfiguration>()))
            .AddInterceptors(TenantInterceptor));
        services.AddDataProtection().SetApplicationName("Reconhece").PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    private static readonly TenantCommandInterceptor TenantInterceptor = new();

    /// <summary>The one database configuration, shared with the migrate command, tools and tests.</summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(WithoutResetOnClose(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .ReplaceService<IModelCacheKeyFactory, TenantModelCacheKeyFactory>();

    /// <summary>
    /// The app never changes session state (the business it works for is set per transaction, TenantSql) (no SET, temporary tables, LISTEN or session locks on pooled
    /// connections), so returning a connection to the pool needs no DISCARD ALL, which would otherwise run
    /// with every request's first query — and would drop prepared statements. Statements the app repeats
    /// (the purchase, the lookups) are prepared automatically, so PostgreSQL plans them once per
    /// connection instead of on every purchase. A connection string that sets either explicitly wins.
    /// </summary>
    private static string WithoutResetOnClose(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 50;
        return builder.ConnectionString;
    }

    private static string ConnectionString(IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString("Default");
        return string.IsNullOrWhiteSpace(cs)
            ? throw new InvalidOperationException("ConnectionStrings:Default is not set. Start with scripts/run.sh, or set ConnectionStrings__Default.")
            : cs;
    }
}
