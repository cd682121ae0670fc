using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;
using Testcontainers.PostgreSql;

namespace Reconhece.IntegrationTests.Support;

/// <summary>
/// A real PostgreSQL for the tests. The server comes from RECONHECE_TEST_PG (set by scripts/test.sh), or,
/// where that is absent and Docker runs, from Testcontainers. Migrations run once into a template
/// database; each test class gets its own copy (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _server;
    private static string? _template;
    private static PostgreSqlContainer? _container;

    public static async Task<string> CreateAsync(string purpose)
    {
        await Gate.WaitAsync();
        try
        {
            _server ??= await ServerAsync();
            _template ??= await TemplateAsync(_server);
            var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}";
            await ExecAsync(_server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
            return With(_server, name);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>An empty database name on the test server (for the migrate command's own tests).</summary>
    public static async Task<string> EmptyAsync(string purpose)
    {
        await Gate.WaitAsync();
        try
        {
            _server ??= await ServerAsync();
            return With(_server, $"e_{Sanitize(purpose)}_{Guid.NewGuid():N}");
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DropAsync(string connectionString)
    {
        if (string.IsNullOrEmpty(connectionString)) return;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecAsync(_server!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static AppDbContext NewContext(string connectionString, CurrentBusiness? current = null) => new(
        ((DbContextOptionsBuilder<AppDbContext>)DataServices.UsePostgres(new DbContextOptionsBuilder<AppDbContext>(), connectionString)).Options,
        current ?? new CurrentBusiness(new HttpContextAccessor()));

    private static async Task<string> ServerAsync()
    {
        var fromEnv = Environment.GetEnvironmentVariable("RECONHECE_TEST_PG");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        if (!File.Exists("/var/run/docker.sock"))
            throw new InvalidOperationException(
                "No PostgreSQL for the tests: run scripts/test.sh (it starts one), set RECONHECE_TEST_PG, or start Docker.");
        _container = new PostgreSqlBuilder("postgres:15").Build();
        await _container.StartAsync();
        return With(_container.GetConnectionString(), "postgres");
    }

    /// <summary>One template per build of the migrations; older templates on the server are dropped.</summary>
    private static async Task<string> TemplateAsync(string server)
    {
        var mvid = typeof(AppDbContext).Assembly.ManifestModule.ModuleVersionId.ToString();
        var name = "reconhece_tpl_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mvid)))[..16].ToLowerInvariant();
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var find = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'reconhece_tpl_%'", conn);
            var existing = new List<string>();
            await using (var reader = await find.ExecuteReaderAsync())
                while (await reader.ReadAsync()) existing.Add(reader.GetString(0));
            if (existing.Contains(name)) return name;
            foreach (var old in existing)
            {
                try { await ExecAsync(server, $"DROP DATABASE \"{old}\""); }
                catch (PostgresException) { /* in use by another run: leave it */ }
            }
        }

        // Build under a temporary name and rename, so a crashed run never leaves a half-made template.
        var building = name + "_b" + Environment.ProcessId;
        await ExecAsync(server, $"DROP DATABASE IF EXISTS \"{building}\"");
        await ExecAsync(server, $"CREATE DATABASE \"{building}\"");
        try
        {
            await using var db = NewContext(With(server, building));
            await db.Database.MigrateAsync();
            // What the migrate command does too: Hangfire's tables, so each copy has them.
            await using var conn = new NpgsqlConnection(With(server, building));
            await conn.OpenAsync();
            Reconhece.Web.Jobs.JobServices.InstallSchema(conn);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
        try
        {
            await ExecAsync(server, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            await ExecAsync(server, $"DROP DATABASE \"{building}\""); // another run won the race
        }
        return name;
    }

    private static async Task ExecAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string With(string cs, string database) =>
        new NpgsqlConnectionStringBuilder(cs) { Database = database }.ConnectionString;

    private static string Sanitize(string s) =>
        new string(s.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
}
