using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Data;

public static class DataServices
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration? configuration = null)
    {
        // Read when the first context is made, so hosts and tests can set it late.
        // The app's contexts tell PostgreSQL their business with every command (the second wall).
        // The options are built once, not per request: building them (the connection string parsed and
        // rebuilt, the provider configured) was about 5% of a purchase's CPU in the app (docs/benchmarks.md).
        // One pool for the app: EF's contexts and the purchase's raw commands (TenantSql) share this data source.
        services.AddSingleton(sp => NpgsqlDataSource.Create(WithoutResetOnClose(ConnectionString(sp.GetRequiredService<IConfiguration>()))));
        services.AddDbContext<AppDbContext>((sp, o) => UsePostgres(o, sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(TenantInterceptor), optionsLifetime: ServiceLifetime.Singleton);
        var protection = services.AddDataProtection().SetApplicationName("Reconhece").PersistKeysToDbContext<AppDbContext>();
        // The key ring signs every cookie; with a certificate configured it is encrypted at rest in the
        // database too (Program warns at start when none is).
        if (DataProtectionCertificate(configuration) is { } certificate) protection.ProtectKeysWithCertificate(certificate);
        return services;
    }

    private static readonly TenantCommandInterceptor TenantInterceptor = new();

    /// <summary>The one database configuration, shared with the migrate command, tools and tests.</summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) => Conventions(options
        .UseNpgsql(WithoutResetOnClose(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")));

    private static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) => Conventions(options
        .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")));

    private static DbContextOptionsBuilder Conventions(DbContextOptionsBuilder options) => options
        .UseSnakeCaseNamingConvention()
        .ReplaceService<IModelCacheKeyFactory, TenantModelCacheKeyFactory>();

    /// <summary>
    /// The app never changes session state (the business it works for is set per transaction, TenantSql) (no SET, temporary tables, LISTEN or session locks on pooled
    /// connections), so returning a connection to the pool needs no DISCARD ALL, which would otherwise run
    /// with every request's first query — and would drop prepared statements. Statements the app repeats
    /// (the purchase, the lookups) are prepared automatically, so PostgreSQL plans them once per
    /// connection instead of on every purchase. PostgreSQL's JIT is off for the app's sessions: its
    /// compilation took half a second on the agenda's rhythm refresh, a statement the planner overestimates
    /// and that touches no row on most page views (docs/benchmarks.md, Ações); a web app's short queries
    /// never win it back. A connection string that sets any of these explicitly wins.
    /// </summary>
    private static string WithoutResetOnClose(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 50;
        if (string.IsNullOrEmpty(builder.Options)) builder.Options = "-c jit=off";
        return builder.ConnectionString;
    }

    /// <summary>DataProtection:CertificatePath (a .pfx) and DataProtection:CertificatePassword, when set.</summary>
    public static System.Security.Cryptography.X509Certificates.X509Certificate2? DataProtectionCertificate(IConfiguration? configuration)
    {
        var path = configuration?["DataProtection:CertificatePath"];
        return string.IsNullOrWhiteSpace(path) ? null
            : System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, configuration?["DataProtection:CertificatePassword"]);
    }

    private static string ConnectionString(IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString("Default");
        return string.IsNullOrWhiteSpace(cs)
            ? throw new InvalidOperationException("ConnectionStrings:Default is not set. Start with scripts/run.sh, or set ConnectionStrings__Default.")
            : cs;
    }
}
