using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Reconhece.Web.Data;

public static class DataServices
{
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        // Read when the first context is made, so hosts and tests can set it late.
        services.AddDbContext<AppDbContext>((sp, o) => UsePostgres(o, ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddDataProtection().SetApplicationName("Reconhece").PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    /// <summary>The one database configuration, shared with tools and tests.</summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention();

    private static string ConnectionString(IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString("Default");
        return string.IsNullOrWhiteSpace(cs)
            ? throw new InvalidOperationException("ConnectionStrings:Default is not set. Start with scripts/run.sh, or set ConnectionStrings__Default.")
            : cs;
    }
}
