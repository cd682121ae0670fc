using Microsoft.Extensions.Localization;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.History;

/// <summary>One chart of the history: what it measures, how a value reads, and its address in the CSV link.</summary>
public sealed record HistoryMetric(string Slug, string Title, Func<HistoryPeriod, decimal?> Value, Func<decimal, string> Text)
{
    /// <summary>A value as the table shows it; "—" where there is none (no till total typed).</summary>
    public string Show(decimal? value) => value is { } v ? Text(v) : "—";
}

public static class HistoryMetrics
{
    public static IReadOnlyList<HistoryMetric> All(IStringLocalizer<SharedResource> t) =>
    [
        new("novos", t["Clientes novos"], p => p.NewCustomers, v => Format.Points(v)),
        new("voltaram", t["Clientes que voltaram"], p => p.Returning, v => Format.Points(v)),
        new("taxa-de-volta", t["Taxa de volta"], p => Math.Round(100 * p.ReturnRate, 1), v => v.ToString("0.#", Format.PtBr) + "%"),
        new("compras", t["Compras"], p => p.Purchases, v => Format.Points(v)),
        new("faturamento", t["Faturamento"], p => p.Revenue, Format.Money),
        new("ticket-medio", t["Ticket médio"], p => p.AverageTicket, Format.Money),
        new("visitas", t["Visitas por cliente"], p => p.VisitsPerCustomer, v => v.ToString("0.##", Format.PtBr)),
        new("reconhecimentos", t["Reconhecimentos"], p => p.Recognitions, v => Format.Points(v)),
        new("vendas-identificadas", t["Vendas identificadas (% do caixa)"], p => p.IdentifiedShare is { } s ? Math.Round(100 * s, 1) : null,
            v => v.ToString("0.#", Format.PtBr) + "%"),
    ];

    /// <summary>"nov" for a month (the table under the chart has the year), "23/11" for a week (its Monday).</summary>
    public static string Label(HistoryPeriod p, HistoryGrain grain) =>
        grain == HistoryGrain.Month ? p.Start.ToString("MMM", Format.PtBr).Replace(".", "", StringComparison.Ordinal) : p.Start.ToString("dd/MM", Format.PtBr);
}
