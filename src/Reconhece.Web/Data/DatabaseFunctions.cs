using Npgsql;

namespace Reconhece.Web.Data;

/// <summary>
/// The database functions (the rules written once in SQL, the doors, the policies' reader), one per file in
/// Data/Functions, each file the function's current text. The migrate command applies every file after the
/// migrations, so changing a function is editing its file: no migration copies it (ADR 008). Each file is a
/// CREATE OR REPLACE; a function whose signature changes needs a DROP in a migration first.
/// </summary>
public static class DatabaseFunctions
{
    private const string Prefix = "functions/";

    /// <summary>The names of the functions, from the files shipped in the app.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(DatabaseFunctions).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".sql".Length]).Order(StringComparer.Ordinal).ToList();

    public static string Text(string name)
    {
        using var stream = typeof(DatabaseFunctions).Assembly.GetManifestResourceStream(Prefix + name + ".sql")
            ?? throw new InvalidOperationException($"No function file {name}.sql");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

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
