using System.Text.RegularExpressions;
using Npgsql;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Data;

/// <summary>
/// The database functions (the rules written once in SQL, the doors, the policies' reader), one per file in
/// Data/Functions, each file the function's current text. The migrate command applies every file after the
/// migrations, so changing a function is editing its file: no migration copies it (ADR 008). Each file is a
/// CREATE OR REPLACE; a function whose signature changes needs a DROP in a migration first.
/// A file names a C# value as {{Type.Member}} (a ledger kind, a report status, the report attempt cap) and
/// gets the number when it is applied, so those numbers have one home, the enum or constant.
/// </summary>
public static partial class DatabaseFunctions
{
    private const string Prefix = "functions/";

    /// <summary>The names of the functions, from the files shipped in the app.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(DatabaseFunctions).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".sql".Length]).Order(StringComparer.Ordinal).ToList();

    /// <summary>The function's text as applied: its file, with each {{Type.Member}} replaced by the C# value.</summary>
    public static string Text(string name)
    {
        using var stream = typeof(DatabaseFunctions).Assembly.GetManifestResourceStream(Prefix + name + ".sql")
            ?? throw new InvalidOperationException($"No function file {name}.sql");
        using var reader = new StreamReader(stream);
        return Resolve(reader.ReadToEnd());
    }

    /// <summary>The C# values function files may name. Only these: a name outside the list stops migrate.</summary>
    private static readonly Dictionary<string, int> Values = Enum.GetValues<LedgerKind>().Select(k => ("LedgerKind." + k, (int)k))
        .Concat(Enum.GetValues<ReportRunStatus>().Select(s => ("ReportRunStatus." + s, (int)s)))
        .Concat(Enum.GetValues<OutboxStatus>().Select(s => ("OutboxStatus." + s, (int)s)))
        .Append(("ReportSchedule.MaxAttempts", ReportSchedule.MaxAttempts))
        .ToDictionary(v => v.Item1, v => v.Item2, StringComparer.Ordinal);

    public static string Resolve(string text) => Placeholder().Replace(text, m => Values.TryGetValue(m.Groups[1].Value, out var value)
        ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"A function file names {m.Value}, which is not a value DatabaseFunctions knows."));

    [GeneratedRegex(@"\{\{([A-Za-z]+\.[A-Za-z]+)\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Creates or replaces every function, in one transaction, as the owner role.</summary>
    public static async Task ApplyAsync(NpgsqlConnection ownerConnection, CancellationToken ct)
    {
        await using var tx = await ownerConnection.BeginTransactionAsync(ct);
        // Functions call each other: bodies are checked when they run, not in file order (as pg_dump does).
        await using (var off = new NpgsqlCommand("SET LOCAL check_function_bodies = off", ownerConnection, tx))
            await off.ExecuteNonQueryAsync(ct);
        foreach (var name in Names)
        {
            await using var cmd = new NpgsqlCommand(Text(name), ownerConnection, tx);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
