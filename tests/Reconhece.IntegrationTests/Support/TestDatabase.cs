using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;
using Microsoft.Extensions.Logging.Abstractions;
using Testcontainers.PostgreSql;

namespace Reconhece.IntegrationTests.Support;

/// <summary>
/// A real PostgreSQL for the tests. The server comes from RECONHECE_TEST_PG (set by scripts/test.sh), or,
/// where that is absent and Docker runs, from Testcontainers. Migrations run once into a template
/// database; each test class gets its own copy (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
/// As in production, the template is migrated by the owner role and the app connects as the app role
/// (<see cref="AsApp"/>); the connection strings this class returns are the server's administrator's, for
/// setting up and for assertions that must see every business.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _server;
    private static string? _template;
    private static PostgreSqlContainer? _container;

    public const string OwnerRole = "reconhece_owner";
    public const string AppRole = "reconhece_app";

    /// <summary>The same database as the app role (what the app under test uses).</summary>
    public static string AsApp(string cs) => AsRole(cs, AppRole);

    /// <summary>The same database as the owner role (what `migrate` uses).</summary>
    public static string AsOwner(string cs) => AsRole(cs, OwnerRole);

    private static string AsRole(string cs, string role) =>
        new NpgsqlConnectionStringBuilder(cs) { Username = role, Password = role }.ConnectionString;

    public static async Task<string> CreateAsync(string purpose)
    {
        await Gate.WaitAsync();
        try
        {
            _server ??= await ServerAsync();
            _template ??= await TemplateAsync(_server);
            var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}";
            await ExecAsync(_server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\" OWNER {OwnerRole}");
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

    /// <summary>A context with both walls off (the EF filter too), for assertions across businesses.</summary>
    public static AppDbContext NewAdminContext(string adminConnectionString) => new(
        ((DbContextOptionsBuilder<AppDbContext>)DataServices.UsePostgres(new DbContextOptionsBuilder<AppDbContext>(), adminConnectionString)).Options,
        new CurrentBusiness(new HttpContextAccessor()), new TenantFilterSwitch(false));

    private static async Task<string> ServerAsync()
    {
        var fromEnv = Environment.GetEnvironmentVariable("RECONHECE_TEST_PG");
        string server;
        if (!string.IsNullOrWhiteSpace(fromEnv)) server = fromEnv;
        else
        {
            if (!File.Exists("/var/run/docker.sock"))
                throw new InvalidOperationException(
                    "No PostgreSQL for the tests: run scripts/test.sh (it starts one), set RECONHECE_TEST_PG, or start Docker.");
            _container = new PostgreSqlBuilder("postgres:15").Build();
            await _container.StartAsync();
            server = With(_container.GetConnectionString(), "postgres");
        }
        await EnsureRolesAsync(server);
        return server;
    }

    /// <summary>The owner and app roles, as scripts/postgres.sh makes them (roles belong to the whole server).</summary>
    private static async Task EnsureRolesAsync(string server)
    {
        try
        {
            await ExecAsync(server, $"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OwnerRole}') THEN
                    CREATE ROLE {OwnerRole} LOGIN CREATEDB BYPASSRLS PASSWORD '{OwnerRole}';
                  END IF;
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{AppRole}') THEN
                    CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '{AppRole}';
                  END IF;
                END $$
                """);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            // Another test run made them at the same moment.
        }
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
        await ExecAsync(server, $"CREATE DATABASE \"{building}\" OWNER {OwnerRole}");
        try
        {
            // Exactly what the migrate command does: migrations, Hangfire's tables, the tenant walls and grants.
            await DatabaseMigrator.ApplyAsync(AsOwner(With(server, building)), AppRole, NullLogger.Instance);
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
