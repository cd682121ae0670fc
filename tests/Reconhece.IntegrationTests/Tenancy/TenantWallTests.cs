using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;
using Xunit;

namespace Reconhece.IntegrationTests.Tenancy;

/// <summary>
/// The second wall on its own: the database, as the app role, with hand-written SQL that no EF filter
/// touches. Each test has business A with a customer and looks from elsewhere.
/// </summary>
public sealed class TenantWallTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_table_with_a_business_id_has_forced_row_level_security_and_the_tenant_policy()
    {
        var unguarded = await AdminListAsync("""
            SELECT c.relname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'business_id' AND NOT a.attisdropped
            WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity
              AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'tenant'
                          AND p.qual = '(business_id = current_business())' AND p.with_check = '(business_id = current_business())'))
            """);
        var tenantTables = await AdminListAsync("""
            SELECT c.table_name::text FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.column_name = 'business_id'
            """);

        Assert.Empty(unguarded);
        Assert.Contains("customers", tenantTables);
        Assert.True(tenantTables.Count >= 10, string.Join(", ", tenantTables));
        Assert.Single(await AdminListAsync("SELECT policyname::text FROM pg_policies WHERE tablename = 'businesses' AND qual = '(id = current_business())'"));
    }

    [Fact]
    public async Task Every_foreign_key_between_tenant_tables_includes_the_business()
    {
        var single = await AdminListAsync("""
            SELECT con.conname::text FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
            WHERE con.contype = 'f'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'business_id')
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = r.oid AND a.attname = 'business_id')
              AND NOT EXISTS (SELECT 1 FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k
                              WHERE a.attname = 'business_id')
            """);
        Assert.Empty(single);
    }

    [Fact]
    public async Task Rows_of_two_businesses_cannot_be_linked_even_by_hand_written_sql()
    {
        var a = await app.SignUpAsync("Empresa A");
        var b = await app.SignUpAsync("Empresa B");
        await a.Client.RegisterPurchaseAsync("11955554444", "600");
        var aCustomer = (await a.CustomerAsync("+5511955554444")).Id;

        // As the administrator, so no policy stands in the way: only the composite key can refuse it.
        var e = await Assert.ThrowsAsync<PostgresException>(() => AdminExecAsync($"""
            INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at)
            VALUES ('{b.BusinessId}', '{aCustomer}', 2, 1, 1, now())
            """));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
    }

    [Fact]
    public async Task The_app_role_is_no_superuser_owns_nothing_and_cannot_alter_drop_truncate_or_switch_security_off()
    {
        await using var conn = await AppConnectionAsync();
        Assert.Equal("false false 0", await ScalarAsync(conn, """
            SELECT rolsuper::text || ' ' || rolbypassrls::text || ' ' ||
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::text
            FROM pg_roles r WHERE rolname = current_user
            """, business: null));

        foreach (var sql in new[]
        {
            "ALTER TABLE customers DISABLE ROW LEVEL SECURITY", "ALTER TABLE customers NO FORCE ROW LEVEL SECURITY",
            "DROP POLICY tenant ON customers", "DROP TABLE purchases", "TRUNCATE customers", "CREATE TABLE intruder (id int)",
            "CREATE OR REPLACE FUNCTION current_business() RETURNS uuid LANGUAGE sql AS 'SELECT NULL::uuid'",
            "SELECT * FROM __ef_migrations_history",
        })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(conn, sql, business: null));
            Assert.True(e.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {e.SqlState} {e.MessageText}");
        }
    }

    [Fact]
    public async Task Hand_written_sql_as_the_app_role_sees_and_writes_only_the_business_it_works_for()
    {
        var a = await app.SignUpAsync("Empresa A");
        var b = await app.SignUpAsync("Empresa B");
        await a.Client.RegisterPurchaseAsync("11955554444", "600");
        await using var conn = await AppConnectionAsync();

        Assert.Equal("0", await ScalarAsync(conn, $"SELECT count(*)::text FROM customers WHERE business_id = '{a.BusinessId}'", b.BusinessId));
        Assert.Equal("0", await ScalarAsync(conn, "SELECT count(*)::text FROM customers", business: null));
        Assert.Equal("0", await ScalarAsync(conn, $"SELECT count(*)::text FROM businesses WHERE id = '{a.BusinessId}'", b.BusinessId));
        Assert.Equal("1", await ScalarAsync(conn, "SELECT count(*)::text FROM customers", a.BusinessId));
        // Even with row security "off": PostgreSQL refuses the query instead of showing other rows.
        var off = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(conn, "SET LOCAL row_security = off; SELECT count(*)::text FROM customers", b.BusinessId));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, off.SqlState);
        // Writing a row of A while working for B, or for nobody: refused by the policy's check.
        var insert = $"""
            INSERT INTO branches (id, business_id, name, is_active, created_at) VALUES ('{Guid.NewGuid()}', '{a.BusinessId}', 'Plantada', true, now())
            """;
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(conn, insert, b.BusinessId))).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(conn, insert, null))).SqlState);
        Assert.Equal(0, await ExecAsync(conn, $"UPDATE customers SET name = 'Sequestrado' WHERE business_id = '{a.BusinessId}'", b.BusinessId));
        Assert.Equal(0, await ExecAsync(conn, "DELETE FROM purchases", b.BusinessId));
        Assert.Equal("1", await ScalarAsync(conn, $"SELECT count(*)::text FROM purchases WHERE business_id = '{a.BusinessId}'", a.BusinessId));
    }

    [Fact]
    public async Task A_pooled_connection_used_for_one_business_carries_nothing_into_the_next()
    {
        var a = await app.SignUpAsync("Empresa A");
        var b = await app.SignUpAsync("Empresa B");
        await a.Client.RegisterPurchaseAsync("11955554444", "600");
        // A pooled connection that served business A and goes on to serve B and then nobody is one physical
        // backend used three times with no reset in between (NoResetOnClose). The test holds that one backend
        // open itself rather than trusting the pool to hand it back: another test class dropping its database
        // clears every pool (NpgsqlConnection.ClearAllPools), which once gave the second open a new backend.
        var single = new NpgsqlConnectionStringBuilder(app.AppConnectionString) { Pooling = false, ApplicationName = "pool-test" }.ConnectionString;

        string seenByA, seenByB, seenByNone;
        await using (var conn = new NpgsqlConnection(single))
        {
            await conn.OpenAsync();
            var pid = conn.ProcessID;
            seenByA = await ScalarAsync(conn, "SELECT count(*)::text FROM customers", a.BusinessId);
            seenByB = await ScalarAsync(conn, "SELECT count(*)::text FROM customers", b.BusinessId);
            await using var raw = new NpgsqlCommand("SELECT count(*)::text || ':' || COALESCE(current_setting('app.business_id', true), '') FROM customers", conn);
            seenByNone = (string)(await raw.ExecuteScalarAsync())!;
            Assert.Equal(pid, conn.ProcessID);
        }

        Assert.Equal("1", seenByA);
        Assert.Equal("0", seenByB);
        Assert.Equal("0:", seenByNone);
    }

    [Fact]
    public async Task A_job_that_forgets_to_set_its_business_sees_nothing_even_past_the_ef_filter()
    {
        var a = await app.SignUpAsync("Empresa A");
        await a.Client.RegisterPurchaseAsync("11955554444", "600");

        // A scope with no CurrentBusiness.Use(...): what a background job that forgot it gets.
        var (efRows, rawRows) = await app.AnonymousAsync(async db => (
            await db.Customers.IgnoreQueryFilters().CountAsync() + await db.Users.IgnoreQueryFilters().CountAsync()
                + await db.Businesses.IgnoreQueryFilters().CountAsync(),
            await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM customers").SingleAsync()));

        Assert.Equal(0, efRows);
        Assert.Equal(0, rawRows);
        Assert.True(await app.AsAdminAsync(db => db.Customers.AnyAsync(c => c.BusinessId == a.BusinessId)));
    }

    [Fact]
    public async Task The_doors_answer_only_their_question()
    {
        var a = await app.SignUpAsync("Empresa A");
        var found = await app.AnonymousAsync(db => TenantDoors.FindUserAsync(db, a.Email.ToUpperInvariant(), null, default));
        var nobody = await app.AnonymousAsync(db => TenantDoors.FindUserAsync(db, "NINGUEM@EXEMPLO.COM.BR", null, default));
        await using var conn = await AppConnectionAsync();
        var definers = await ScalarAsync(conn, """
            SELECT string_agg(p.proname, ',' ORDER BY p.proname) FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef
              AND array_to_string(p.proconfig, ',') LIKE 'search_path=public, pg_temp'
            """, business: null);

        Assert.Equal(a.BusinessId, found!.BusinessId);
        Assert.Null(nobody);
        Assert.Equal("door_business_by_slug,door_card_customer,door_claim_report_retries,door_expiry_businesses,door_find_user,door_invariant_violations,door_message_businesses,door_purge_expired_sessions,door_purge_report_files,door_retention_businesses,door_segment_businesses,door_stuck_report_runs,door_weekly_report_businesses,door_whatsapp_business", definers);
    }

    [Fact]
    public async Task Starting_the_app_as_a_superuser_is_refused_with_a_clear_message()
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = app.ConnectionString }).Build();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AppRoleCheck.EnsureAppRoleAsync(config));

        Assert.Contains("superuser", e.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Migrations", e.Message, StringComparison.Ordinal);
        await AppRoleCheck.EnsureAppRoleAsync(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = app.AppConnectionString }).Build());
    }

    private async Task<NpgsqlConnection> AppConnectionAsync()
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.AppConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection conn, string sql, Guid? business)
    {
        await using var cmd = AsTheAppSends(conn, sql, business);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<int> ExecAsync(NpgsqlConnection conn, string sql, Guid? business)
    {
        await using var cmd = AsTheAppSends(conn, sql, business);
        return await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Hand-written SQL with the business set by the app's own mechanism (TenantSql), in the same command.</summary>
    private static NpgsqlCommand AsTheAppSends(NpgsqlConnection conn, string sql, Guid? business)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        TenantSql.Prefix(cmd, business);
        return cmd;
    }

    private async Task<List<string>> AdminListAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    private async Task AdminExecAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Expired_sessions_of_every_business_are_purged_through_their_door_and_live_ones_stay()
    {
        var a = await app.SignUpAsync("Empresa A");
        var b = await app.SignUpAsync("Empresa B");
        await AdminExecAsync($"UPDATE auth_sessions SET expires_at = now() - interval '3 days' WHERE business_id IN ('{a.BusinessId}', '{b.BusinessId}')");
        var live = await app.SignUpAsync("Empresa C");

        using var scope = app.Services.CreateScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<Reconhece.Web.Identity.PurgeExpiredSessions>().RunAsync();

        Assert.True(deleted >= 2, $"{deleted}");
        Assert.Empty(await AdminListAsync($"SELECT id::text FROM auth_sessions WHERE business_id IN ('{a.BusinessId}', '{b.BusinessId}')"));
        Assert.NotEmpty(await AdminListAsync($"SELECT id::text FROM auth_sessions WHERE business_id = '{live.BusinessId}'"));
    }
}
