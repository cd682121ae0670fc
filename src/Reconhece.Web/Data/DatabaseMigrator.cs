using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Reconhece.Web.Data;

/// <summary>
/// The `migrate` command: creates the database when missing and applies EF Core migrations while
/// holding a PostgreSQL advisory lock, so two instances started together never race.
/// </summary>
public static class DatabaseMigrator
{
    // Any fixed 64-bit number shared by every instance of the app.
    private const long LockKey = 0x5245434F4E4845; // "RECONHE"

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cs = db.Database.GetConnectionString()!;

        await CreateDatabaseIfMissingAsync(cs, ct);

        // Unpooled: the session-level advisory lock must end with this connection, whatever happens.
        await using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ConnectionString);
        await lockConnection.OpenAsync(ct);
        await using (var cmd = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", lockConnection))
            await cmd.ExecuteNonQueryAsync(ct);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            logger.LogInformation("Applying {Count} pending migration(s)", pending.Count);
            await db.Database.MigrateAsync(ct);
            Jobs.JobServices.InstallSchema(lockConnection);
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
