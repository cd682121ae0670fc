using System.Text.RegularExpressions;

namespace Reconhece.Web.Features.Points;

/// <summary>
/// The home of the points engine's SQL (issue 11). The rule everything here keeps: **a customer's balance
/// always equals the sum of their ledger entries**, because every statement that changes the balance
/// appends the entry in the same statement. Eligibility is the database function goal_reached(balance,
/// goal) (migration PointsHome; Goal.IsReached maps to it in LINQ), and eligible_since is kept by the same
/// statements. The statements are plain .sql files, embedded in the assembly, which the benchmarks run too.
/// </summary>
public static partial class PointsSql
{
    /// <summary>Registrar compra for a phone a customer has: customer update, purchase, earn and sure-bonus entries, one round trip.</summary>
    public static readonly string PurchaseKnown = Load("purchase-known.sql");

    /// <summary>Registrar compra for a new phone: block list, merged phones, near typos, then customer insert, purchase and earn entry.</summary>
    public static readonly string Purchase = Load("purchase.sql");

    /// <summary>A promotion's bonus for the purchase just written: the same batch as <see cref="Purchase"/>.</summary>
    public static readonly string PromotionBonus = Load("promotion-bonus.sql");

    /// <summary>Estornar: the purchase marked reversed and everything it moved taken back, in the caller's transaction.</summary>
    public static readonly string ReversePurchase = Load("reverse-purchase.sql");

    /// <summary>Recognition and adjustment: totals and the ledger entry, in the caller's transaction.</summary>
    public static readonly string LedgerMove = Load("ledger-move.sql");

    /// <summary>Unir cadastros: everything of one record moves to the other; totals recomputed.</summary>
    public static readonly string MergeCustomers = Load("merge-customers.sql");

    /// <summary>Importar clientes: one batch of customers and their "Saldo importado" entries.</summary>
    public static readonly string ImportCustomers = Load("import-customers.sql");

    /// <summary>A new goal: eligible_since follows it for every customer of the business.</summary>
    public static readonly string GoalChanged = Load("goal-changed.sql");

    // A line "-- include NAME.sql" stands for that file: the two purchase statements share their customer
    // step and their purchase and ledger rows this way (one home each). The benchmark expands it the same way.
    private static string Load(string name)
    {
        using var stream = typeof(PointsSql).Assembly.GetManifestResourceStream("points/" + name)
            ?? throw new InvalidOperationException($"The points statement {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return Include().Replace(reader.ReadToEnd(), m => Load(m.Groups[1].Value));
    }

    [GeneratedRegex(@"^[ \t]*-- include ([a-z-]+\.sql)[ \t]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex Include();
}
