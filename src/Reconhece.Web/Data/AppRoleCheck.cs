using Npgsql;

namespace Reconhece.Web.Data;

/// <summary>
/// At start: refuses to serve when ConnectionStrings:Default connects as a role the row-level security
/// policies do not bind (a superuser, a role with BYPASSRLS, or the owner of the tables). Such a deployment
/// would have only one wall between businesses; the message says how to fix it.
/// </summary>
public static class AppRoleCheck
{
    private const string Sql = """
        SELECT r.rolsuper, r.rolbypassrls,
               EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relowner = r.oid AND c.relkind = 'r')
        FROM pg_roles r WHERE r.rolname = current_user
        """;

    public static async Task EnsureAppRoleAsync(IConfiguration configuration, CancellationToken ct = default)
    {
        var cs = configuration.GetConnectionString("Default")!;
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var (super, bypass, owner) = (r.GetBoolean(0), r.GetBoolean(1), r.GetBoolean(2));
        if (!super && !bypass && !owner) return;
        var what = super ? "a superuser" : bypass ? "a role with BYPASSRLS" : "the owner of the tables";
        throw new InvalidOperationException(
            $"ConnectionStrings:Default connects as '{conn.UserName}', {what}: PostgreSQL's row-level security would not keep " +
            "businesses apart. Point ConnectionStrings__Default at the app role (not superuser, not owner, no BYPASSRLS) and " +
            "ConnectionStrings__Migrations at the owner role that runs `migrate` (README, Deploying; scripts/run.sh does both).");
    }
}
