using Npgsql;

namespace Reconhece.IntegrationTests.Support;

/// <summary>
/// A fingerprint of every row in the app's tables, read as the superuser (no row-level security): equal
/// fingerprints before and after a request mean it stored nothing. Sessions and data-protection keys are
/// left out: reading a page may touch them.
/// </summary>
public static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(string adminConnectionString)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT tablename FROM pg_tables WHERE schemaname = 'public'
              AND tablename NOT IN ('__EFMigrationsHistory', 'auth_sessions', 'data_protection_keys') ORDER BY 1
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var sql = string.Join(" || ", tables.Select(t =>
            $"(SELECT '{t}:' || count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM \"{t}\" x)"));
        await using var command = new NpgsqlCommand($"SELECT {sql}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
