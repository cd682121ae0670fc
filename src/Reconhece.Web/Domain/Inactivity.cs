using System.Linq.Expressions;

namespace Reconhece.Web.Domain;

/// <summary>
/// "Inactive", stated once: a customer who has bought is inactive when the last purchase was more than the
/// business's N days ago (Programa → dias para inativo), that is strictly before now − N days. The Painel's
/// card, its list in Clientes, the weekly "Clientes inativos" report, Ações' "Sumindo" for customers without a
/// rhythm, and the counter's "voltou depois de N dias" all ask this class.
/// </summary>
public static class Inactivity
{
    /// <summary>A last purchase before this instant makes a customer inactive.</summary>
    public static DateTime Cutoff(DateTime utcNow, int days) => utcNow.AddDays(-days);

    /// <summary>The customers inactive at <paramref name="utcNow"/>, for a query.</summary>
    public static Expression<Func<Customer, bool>> Customers(DateTime utcNow, int days)
    {
        var cutoff = Cutoff(utcNow, days);
        return c => c.Visits > 0 && c.LastPurchaseAt < cutoff;
    }

    /// <summary>Whether a customer whose previous purchase was at <paramref name="previous"/> comes back at <paramref name="at"/> from inactivity.</summary>
    public static bool ReturnsFromInactivity(DateTime? previous, DateTime at, int days) => previous is { } before && before < Cutoff(at, days);
}
