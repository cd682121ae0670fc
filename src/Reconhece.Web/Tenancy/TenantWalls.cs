using Npgsql;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// The second wall, in the database: row-level security on every table with a business_id column, the
/// doors (see <see cref="TenantDoors"/>), and the app role's rights. The functions (the procedure the app
/// calls, the policies' reader, the doors) are files in Data/Functions (<see cref="Data.DatabaseFunctions"/>);
/// <see cref="EnsureAsync"/> runs after them on every migrate, so a table added later gets its
/// policy and the app role its rights with no step to remember (and TenantWallTests fail if one is missing).
/// </summary>
public static class TenantWalls
{
    public const string PolicyName = "tenant";

    /// <summary>
    /// Policies on every tenant table, and the app role's rights: read and write the tables (Hangfire's
    /// too), run the functions; never TRUNCATE, own, or alter anything. Idempotent; run by the owner role.
    /// </summary>
    private const string Ensure = """
        DO $ensure$
        DECLARE t record; app text := @app_role;
        BEGIN
          FOR t IN SELECT c.relname FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'business_id' AND NOT a.attisdropped
                   WHERE c.relkind IN ('r', 'p')
          LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
            IF NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = t.relname AND p.policyname = 'tenant') THEN
              EXECUTE format('CREATE POLICY tenant ON %I USING (business_id = current_business()) WITH CHECK (business_id = current_business())', t.relname);
            END IF;
          END LOOP;
          -- The businesses table is its own tenant: a business sees its own row.
          ALTER TABLE businesses ENABLE ROW LEVEL SECURITY;
          ALTER TABLE businesses FORCE ROW LEVEL SECURITY;
          IF NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = 'businesses' AND p.policyname = 'tenant') THEN
            CREATE POLICY tenant ON businesses USING (id = current_business()) WITH CHECK (id = current_business());
          END IF;
          -- A door (SECURITY DEFINER, across businesses) is never executable by PUBLIC: only the app role, below.
          FOR t IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'public' AND p.proname LIKE 'door\_%'
          LOOP
            EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', t.fn);
          END LOOP;

          IF app IS NULL OR app = '' OR app = current_user THEN RETURN; END IF;
          EXECUTE format('GRANT USAGE ON SCHEMA public, hangfire TO %I', app);
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, hangfire TO %I', app);
          EXECUTE format('REVOKE ALL ON TABLE __ef_migrations_history FROM %I', app);
          EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, hangfire TO %I', app);
          EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', app);
          EXECUTE format('GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA public TO %I', app);
        END
        $ensure$;
        """;

    /// <summary>Run by the migrate command (as the owner role) after the migrations.</summary>
    public static async Task EnsureAsync(NpgsqlConnection ownerConnection, string? appRole, CancellationToken ct)
    {
        // A DO block takes no parameters: the role name is quoted as a literal here and as an identifier inside.
        var sql = Ensure.Replace("@app_role", QuoteLiteral(appRole ?? ""), StringComparison.Ordinal);
        await using var cmd = new NpgsqlCommand(sql, ownerConnection);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string QuoteLiteral(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
