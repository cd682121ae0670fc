using Reconhece.Web.Data;
using Reconhece.Web.Features.History;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// The weekly email's month trend: the month so far (to the reported week's last day) against the same
/// days of the month before, from the history's own query, so the email and Histórico never disagree.
/// </summary>
public static class MonthTrend
{
    public static async Task<IReadOnlyList<string>> LinesAsync(AppDbContext db, Guid business, DateOnly weekEnd, TimeZoneInfo zone, DateOnly today,
        CancellationToken ct)
    {
        var start = new DateOnly(weekEnd.Year, weekEnd.Month, 1);
        var days = weekEnd.DayNumber - start.DayNumber + 1;
        var before = start.AddMonths(-1);
        var beforeEnd = before.AddDays(Math.Min(days, DateTime.DaysInMonth(before.Year, before.Month)));
        var periods = await HistoryQuery.LoadAsync(db, business, HistoryGrain.Month, [(start, weekEnd.AddDays(1)), (before, beforeEnd)], zone, today, branch: null, ct);
        var (now, then) = (periods[0], periods[1]);
        var change = Format.Change(now.Revenue, then.Revenue) is { } c ? $" (faturamento {c})" : "";
        return
        [
            $"{Format.Capitalised(start.ToString("MMMM", Format.PtBr))} até {weekEnd.ToString("dd/MM", Format.PtBr)}: {Figures(now)}.",
            $"Nos mesmos dias de {before.ToString("MMMM", Format.PtBr)}: {Figures(then)}{change}.",
        ];
    }

    private static string Figures(HistoryPeriod p) =>
        $"{Format.Money(p.Revenue)} em {Format.Count(p.Purchases, "compra", "compras")}, {Format.Count(p.NewCustomers, "cliente novo", "clientes novos")}, {Format.Count(p.Returning, "cliente voltou", "clientes voltaram")}";
}
