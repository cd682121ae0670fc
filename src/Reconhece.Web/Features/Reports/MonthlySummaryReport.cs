using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.History;
using Reconhece.Web.Features.Segments;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// "Resumo do mês": the month that just ended against the one before, the history's 12 months as vector
/// charts, and the RFV segments with their movement. It rides with the weekly set on the first weekly send
/// of each month, built and sent once with it (the run's exactly-once rules hold for it as for the others).
/// </summary>
public static class MonthlySummaryReport
{
    public const string Title = "Resumo do mês";

    private static readonly PdfColumn[] SegmentColumns =
    [
        new("Segmento", PdfPlace.Heading), new("Clientes"), new("% dos clientes"), new("Gasto total"),
    ];

    /// <summary>
    /// True for the weekly run whose week holds the first send of a new month: the Monday after the week is
    /// in another month than the week's Monday. Exactly one week per month is so; its summary is of the
    /// month its Monday is in, complete by the time the week ends.
    /// </summary>
    public static bool IsDue(ReportRun run) => run.IsWeekly && run.WeekStart.Month != run.WeekStart.AddDays(7).Month;

    public static DateOnly MonthOf(ReportRun run) => new(run.WeekStart.Year, run.WeekStart.Month, 1);

    public static async Task<(byte[] Pdf, int Pages)> BuildAsync(AppDbContext db, Guid business, ReportContext ctx, DateOnly month,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var months = HistoryQuery.Starts(HistoryGrain.Month, month);
        var today = Periods.LocalDay(ctx.GeneratedAtUtc, ctx.Zone);
        var periods = await HistoryQuery.LoadAsync(db, business, HistoryGrain.Month, months.Zip(months.Skip(1)).ToList(), ctx.Zone, today, branch: null, ct);
        var segments = await SegmentQueries.PageAsync(db, ct);
        var (current, previous) = (periods[^1], periods[^2]);
        var name = Name(month);

        using var pdf = new PdfReportWriter(Title, ctx.BusinessName, $"{Format.Capitalised(name)} e os 11 meses antes", ctx.GeneratedText);
        pdf.Line($"{Format.Capitalised(name)} em números, comparado com {Name(previous.Start)}:", bold: true);
        var metrics = HistoryMetrics.All(t);
        foreach (var metric in metrics)
        {
            var (now, before) = (metric.Value(current), metric.Value(previous));
            var change = now is { } n && before is { } b && Format.Change(n, b) is { } c ? "; " + c : "";
            pdf.Line($"• {metric.Title}: {metric.Show(now)} ({Name(previous.Start)}: {metric.Show(before)}{change})");
        }
        if (ctx.Program.RewardValue is { } reward)
        {
            var (cost, ofRevenue) = current.RecognitionCost(reward);
            pdf.Line($"Reconhecimentos: {Format.Count(current.Recognitions, "reconhecimento", "reconhecimentos")} · {Format.Money(cost)} ({ofRevenue} do faturamento).");
        }
        if (current.Recognitions > 0) pdf.Line($"Nas visitas do brinde, os clientes gastaram {Format.Money(current.RecognitionVisitRevenue)}.");
        pdf.Space();

        var labels = periods.Select(p => HistoryMetrics.Label(p, HistoryGrain.Month)).ToList();
        foreach (var metric in metrics)
            pdf.Chart(new PdfChart($"{metric.Title} — 12 meses", labels, periods.Select(metric.Value).ToList(), v => Short(metric, v)));

        pdf.Line("Segmentos de clientes (RFV)", bold: true);
        pdf.Line(segments.ComputedAt is { } at
            ? $"{Format.Count(segments.Buyers, "cliente que comprou", "clientes que compraram")}, em segmentos calculados em {Format.Date(at, ctx.Zone)}. As regras estão na tela Clientes → Segmentos."
            : "Ainda não há clientes com compras para separar em segmentos.");
        if (segments.Moves is { Count: > 0 } moves)
            foreach (var move in moves) pdf.Line("• " + SegmentLabels.Move(move, t));
        else if (segments.Moves is not null) pdf.Line("Nenhum cliente mudou de segmento desde o mês passado.");
        else if (segments.ComputedAt is not null) pdf.Line("O movimento entre segmentos aparece a partir do primeiro cálculo do próximo mês.");
        pdf.Space();
        pdf.BeginTable(SegmentColumns);
        var total = Math.Max(1, segments.Sizes.Sum(s => s.Customers));
        foreach (var segment in Enum.GetValues<RfvSegment>())
        {
            var size = segments.Sizes.FirstOrDefault(s => s.Segment == segment);
            pdf.Row([
                SegmentLabels.Name(segment, t), Format.Points(size?.Customers ?? 0), (100m * (size?.Customers ?? 0) / total).ToString("0.#", Format.PtBr) + "%",
                Format.Money(size?.LifetimeSpend ?? 0m),
            ]);
        }
        pdf.EndTable();
        return pdf.Finish();
    }

    /// <summary>"novembro de 2026".</summary>
    public static string Name(DateOnly month) => month.ToString("MMMM 'de' yyyy", Format.PtBr);

    /// <summary>A value short enough for its bar: "R$ 12,3 mil" rather than "R$ 12.345,67".</summary>
    private static string Short(HistoryMetric metric, decimal value)
    {
        var full = metric.Text(value);
        if (full.Length <= 9) return full;
        return full.StartsWith("R$", StringComparison.Ordinal) ? "R$ " + Format.Compact(value) : Format.Compact(value);
    }
}
