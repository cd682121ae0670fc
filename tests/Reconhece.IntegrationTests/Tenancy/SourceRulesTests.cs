using System.Text.RegularExpressions;
using Xunit;

namespace Reconhece.IntegrationTests.Tenancy;

/// <summary>
/// Reads the app's source: whatever could bypass the walls (the EF filter switch, a raw Npgsql command
/// that skips the interceptor, the database's own security words) appears only in the files allowed to.
/// A new one elsewhere fails here, and the fix is to go through Tenancy/ (TenantSql, TenantDoors).
/// </summary>
public sealed class SourceRulesTests
{
    private static readonly (string What, Regex Pattern, string[] Allowed)[] Rules =
    [
        ("EF filter bypass", new(@"IgnoreQueryFilters|TenantFilterSwitch\(false\)"), ["Tenancy/"]),
        ("raw Npgsql command (skips the tenant interceptor)", new(@"new\s+Npgsql(Command|Batch|Connection|DataSource)\b|GetDbConnection\(|NpgsqlDataSource\.Create"),
            // DataServices makes the app's one data source, which EF and TenantSql's commands use.
            ["Tenancy/TenantSql.cs", "Tenancy/TenantWalls.cs", "Data/DataServices.cs", "Data/DatabaseMigrator.cs", "Data/DatabaseFunctions.cs", "Data/AppRoleCheck.cs", "Jobs/JobServices.cs"]),
        ("unparameterised raw SQL", new(@"\b(ExecuteSqlRaw|SqlQueryRaw|FromSqlRaw)\w*\("), []),
        ("database security switch", new(@"(?i)security\s+definer|bypassrls|row_security|set_config\(|app\.business_id|use_business\("),
            ["Tenancy/", "Data/Migrations/", "Data/AppRoleCheck.cs"]),
    ];

    [Fact]
    public void Bypasses_and_raw_sql_commands_appear_only_in_their_allowed_files()
    {
        var root = Path.Combine(RepoRoot(), "src", "Reconhece.Web");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f))).ToList();

        Assert.True(files.Count > 50, "the source was not found");
        Assert.Empty(Violations(files));
    }

    [Fact]
    public void The_rules_catch_a_bypass_planted_in_a_feature()
    {
        var planted = new[]
        {
            ("Features/Customers/Leak.cs", "var all = await db.Customers.IgnoreQueryFilters().ToListAsync();"),
            ("Features/Customers/Raw.cs", "await using var cmd = new NpgsqlCommand(\"SELECT * FROM customers\", conn);"),
            ("Features/Customers/Set.cs", "await db.Database.ExecuteSqlRawAsync(\"SELECT set_config('app.business_id', '', false)\");"),
            ("Tenancy/TenantSql.cs", "var cmd = new NpgsqlCommand(sql, conn, tx);"),
        };

        Assert.Equal(["Features/Customers/Leak.cs: EF filter bypass", "Features/Customers/Raw.cs: raw Npgsql command (skips the tenant interceptor)",
            "Features/Customers/Set.cs: database security switch", "Features/Customers/Set.cs: unparameterised raw SQL"], Violations(planted));
    }

    private static List<string> Violations(IEnumerable<(string Path, string Text)> files) =>
        files.SelectMany(f => Rules
                .Where(r => r.Pattern.IsMatch(f.Text) && !r.Allowed.Any(a => f.Path.StartsWith(a, StringComparison.Ordinal)))
                .Select(r => $"{f.Path}: {r.What}"))
            .Order(StringComparer.Ordinal).ToList();

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Reconhece.sln"))) return dir.FullName;
        throw new InvalidOperationException("Reconhece.sln not found above " + AppContext.BaseDirectory);
    }
}
