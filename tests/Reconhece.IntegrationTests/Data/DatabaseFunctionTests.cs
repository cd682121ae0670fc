using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Data;

/// <summary>
/// Each database function lives in one file (Data/Functions, ADR 008): what `migrate` leaves in the
/// database is exactly those files, and the doors the architecture map names are exactly the doors there are.
/// </summary>
public sealed partial class DatabaseFunctionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<List<(string Name, string Definition, string? Acl)>> FunctionsAsync()
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT p.proname, pg_get_functiondef(p.oid), p.proacl::text FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1
            """, conn);
        var found = new List<(string, string, string?)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) found.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return found;
    }

    [Fact]
    public async Task Every_function_in_the_database_is_one_file_and_its_body_is_that_file()
    {
        var functions = await FunctionsAsync();

        Assert.Equal(DatabaseFunctions.Names, functions.Select(f => f.Name).ToList());
        foreach (var (name, definition, _) in functions)
        {
            // The body between the dollar quotes is stored as written: the file's body must be in the database.
            var body = DollarBody().Match(DatabaseFunctions.Text(name)).Groups["body"].Value;
            Assert.False(string.IsNullOrWhiteSpace(body), name);
            Assert.Contains(body, definition, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_function_file_gets_the_CSharp_values_it_names_and_an_unknown_name_stops_migrate()
    {
        Assert.Equal($"kind IN ({(int)LedgerKind.Expiry}) AND attempts < {ReportSchedule.MaxAttempts}",
            DatabaseFunctions.Resolve("kind IN ({{LedgerKind.Expiry}}) AND attempts < {{ReportSchedule.MaxAttempts}}"));
        var unknown = Assert.Throws<InvalidOperationException>(() => DatabaseFunctions.Resolve("kind = {{LedgerKind.Gift}}"));
        Assert.Contains("{{LedgerKind.Gift}}", unknown.Message, StringComparison.Ordinal);
        Assert.All(DatabaseFunctions.Names, n => Assert.DoesNotContain("{{", DatabaseFunctions.Text(n), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Near_phones_are_the_mobiles_one_digit_or_one_neighbour_swap_away()
    {
        var near = await app.AsAdminAsync(db => db.Database.SqlQuery<string>($"SELECT unnest(near_phones('+5511987654321')) AS \"Value\"").ToListAsync());

        // 11 digits: the leading 9 stays and the DDD's first is never 0 (8 + 9 × 9 changes), and 7 swaps of
        // unequal neighbours that leave the DDD and the 9 in place.
        Assert.Equal(96, near.Count);
        Assert.Equal(near.Count, near.Distinct().Count());
        Assert.Contains("+5511987654312", near);        // the last two swapped
        Assert.Contains("+5511987654329", near);        // one digit changed
        Assert.Contains("+5521987654321", near);        // in the DDD too
        Assert.DoesNotContain("+5501987654321", near);
        Assert.DoesNotContain("+5511887654321", near);
        Assert.DoesNotContain("+5511987654321", near);
    }

    [Fact]
    public async Task Report_files_are_stored_as_they_are_without_a_second_compression()
    {
        // A PDF is compressed already; PostgreSQL's own compression only costs CPU in the weekly run.
        var storage = await app.AsAdminAsync(db => db.Database.SqlQuery<string>(
            $"SELECT attstorage::text AS \"Value\" FROM pg_attribute WHERE attrelid = 'report_files'::regclass AND attname = 'content'").SingleAsync());
        Assert.Equal("e", storage);
    }

    [Fact]
    public void Only_a_door_runs_with_its_owner_rights()
    {
        var definers = DatabaseFunctions.Names
            .Where(n => DatabaseFunctions.Text(n).Contains("SECURITY DEFINER", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(definers);
        Assert.All(definers, n => Assert.StartsWith("door_", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_doors_named_in_the_architecture_map_are_exactly_the_doors_and_none_is_open_to_public()
    {
        var functions = await FunctionsAsync();
        var map = await File.ReadAllTextAsync(Path.Combine(Tenancy.SourceRulesTests.RepoRoot(), "docs", "architecture.md"));

        var doors = functions.Where(f => f.Name.StartsWith("door_", StringComparison.Ordinal)).ToList();
        Assert.Equal(doors.Select(d => d.Name).Order(), DoorName().Matches(map).Select(m => m.Value).Distinct().Order());
        // PUBLIC's grant reads "=X/owner" in an ACL: a door must not have it.
        Assert.All(doors, d => Assert.DoesNotMatch(@"(^|[{,])=X/", d.Acl ?? ""));
    }

    [GeneratedRegex(@"\$(?<tag>\w*)\$(?<body>.*)\$\k<tag>\$", RegexOptions.Singleline)]
    private static partial Regex DollarBody();

    [GeneratedRegex(@"\bdoor_[a-z_]+[a-z]")]
    private static partial Regex DoorName();
}
