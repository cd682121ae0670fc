using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Data;

/// <summary>
/// The `migrate` command, run as the owner role (ConnectionStrings:Migrations): creates the database when
/// missing, applies EF Core migrations and Hangfire's schema, then the tenant walls (row-level security on
/// every tenant table, the app role's rights), all under a PostgreSQL advisory lock so two instances
/// started together never race. The app itself connects as the app role (ConnectionStrings:Default).
/// </summary>
public static class DatabaseMigrator
{
    // Any fixed 64-bit number shared by every instance of the app.
    private const long LockKey = 0x5245434F4E4845; // "RECONHE"

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        var ownerCs = configuration.GetConnectionString("Migrations");
        if (string.IsNullOrWhiteSpace(ownerCs))
            throw new InvalidOperationException(
                "ConnectionStrings:Migrations is not set. `migrate` runs as the owner role, which owns the schema; the app runs as " +
                "the app role in ConnectionStrings:Default. Set both (README, Deploying), or start with scripts/run.sh.");
        var appCs = configuration.GetConnectionString("Default");
        var appRole = string.IsNullOrWhiteSpace(appCs) ? null : new NpgsqlConnectionStringBuilder(appCs).Username;
        if (appRole is null) logger.LogWarning("ConnectionStrings:Default is not set: no rights granted to an app role");
        await ApplyAsync(ownerCs, appRole, logger, ct);
    }

    /// <summary>Everything `migrate` does; the tests build their template database with it too.</summary>
    public static async Task ApplyAsync(string ownerCs, string? appRole, ILogger logger, CancellationToken ct = default)
    {
        await CreateDatabaseIfMissingAsync(ownerCs, ct);

        // Unpooled: the session-level advisory lock must end with this connection, whatever happens.
        await using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerCs) { Pooling = false }.ConnectionString);
        await lockConnection.OpenAsync(ct);
        await using (var cmd = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", lockConnection))
            await cmd.ExecuteNonQueryAsync(ct);
        try
        {
            await using var db = new AppDbContext(
                ((DbContextOptionsBuilder<AppDbContext>)DataServices.UsePostgres(new DbContextOptionsBuilder<AppDbContext>(), ownerCs)).Options,
                new CurrentBusiness(new HttpContextAccessor()));
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            // The first migration is the baseline the others were squashed into (docs/decisions/008); a database
            // without it was migrated by an older set and cannot take the baseline's CREATE TABLEs.
            var baseline = db.Database.GetMigrations().First();
            if (applied.Count > 0 && !applied.Contains(baseline))
                throw new InvalidOperationException(
                    "This database was migrated before the migrations were squashed into one baseline (docs/decisions/008). " +
                    "No production database existed then: drop this database and run migrate again.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            logger.LogInformation("Pending migrations to apply: {Count}", pending.Count);
            await db.Database.MigrateAsync(ct);
            await DatabaseFunctions.ApplyAsync(lockConnection, ct);
            Jobs.JobServices.InstallSchema(lockConnection);
            await TenantWalls.EnsureAsync(lockConnection, appRole, ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", lockConnection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(string cs, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(cs);
        var admin = new NpgsqlConnectionStringBuilder(cs) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it between our check and our CREATE: fine.
        }
    }
}
