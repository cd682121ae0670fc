using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// Curva ABC: every customer by points earned (lifetime, with the last 12 months beside it), classed
/// A/B/C by cumulative share. Two streamed passes: the first counts the classes for the summary at the
/// top, the second writes the rows; neither holds the customers in memory.
/// </summary>
public static class AbcReport
{
    public const string Title = "Curva ABC de clientes";

    private static readonly PdfColumn[] Columns =
    [
        new("#", 30, Right: true), new("Cliente", 90), new("Celular", 72), new("Pontos", 46, Right: true),
        new("12 meses", 46, Right: true), new("Gasto total", 60, Right: true), new("Visitas", 38, Right: true),
        new("Últ. compra", 63), new("Acum.", 40, Right: true), new("Classe", 38),
    ];

    public static async Task<(byte[] Pdf, int Pages, string? TopCustomer)> BuildAsync(AppDbContext db, ReportContext ctx, CancellationToken ct)
    {
        var buyers = db.Customers.AsNoTracking().Where(c => c.Visits > 0);
        var ranked = buyers
            .OrderByDescending(c => c.LifetimePoints).ThenByDescending(c => c.LifetimeSpend).ThenBy(c => c.Phone);
        var total = await ranked.SumAsync(c => c.LifetimePoints > 0 ? c.LifetimePoints : 0m, ct);
        var a = ctx.Settings.ClassAPercent;
        var b = ctx.Settings.ClassBPercent;

        var counts = new Dictionary<char, (int Customers, decimal Points)> { ['A'] = (0, 0m), ['B'] = (0, 0m), ['C'] = (0, 0m) };
        var classes = new AbcClasses(total, a, b);
        await foreach (var points in ranked.Select(c => c.LifetimePoints).AsAsyncEnumerable().WithCancellation(ct))
        {
            var k = classes.Next(points);
            counts[k] = (counts[k].Customers + 1, counts[k].Points + Math.Max(0, points));
        }
        var customers = counts.Values.Sum(v => v.Customers);

        using var pdf = ctx.NewPdf(Title);
        if (customers == 0)
        {
            pdf.Line("Ainda não há clientes com compras registradas.", bold: true);
            pdf.Line("Assim que a equipe registrar as primeiras compras, elas aparecem aqui, da maior pontuação para a menor.");
            var empty = pdf.Finish();
            return (empty.Pdf, empty.Pages, null);
        }

        pdf.Line($"{Format.Count(customers, "cliente", "clientes")} · {Format.Points(total)} pontos ganhos no total", bold: true);
        foreach (var (k, label) in new[] { ('A', $"até {a}% dos pontos"), ('B', $"de {a}% a {b}%"), ('C', "o restante") })
        {
            var (n, pts) = counts[k];
            pdf.Line($"Classe {k} ({label}): {Format.Count(n, "cliente", "clientes")} ({Share(n, customers)} dos clientes), " +
                     $"{Format.Points(pts)} pontos ({Share(pts, total)} dos pontos)");
        }
        pdf.Line("Pontos: ganhos em compras desde o primeiro dia (estornos descontados); 12 meses: só os do último ano.");
        pdf.Space();
        pdf.BeginTable(Columns);

        var since = ctx.GeneratedAtUtc.AddMonths(-12);
        var lastYear = db.Purchases.Where(p => p.ReversedAt == null && p.At >= since)
            .GroupBy(p => p.CustomerId).Select(g => new { CustomerId = g.Key, Points = g.Sum(p => p.Points) });
        var rows = from c in buyers
                   join y in lastYear on c.Id equals y.CustomerId into yj
                   from y in yj.DefaultIfEmpty()
                   select new { c.Name, c.Phone, c.LifetimePoints, c.LifetimeSpend, c.Visits, c.LastPurchaseAt, LastYear = (decimal?)y.Points };
        var ordered = rows.OrderByDescending(r => r.LifetimePoints).ThenByDescending(r => r.LifetimeSpend).ThenBy(r => r.Phone);

        classes = new AbcClasses(total, a, b);
        var rank = 0;
        string? top = null;
        await foreach (var r in ordered.AsAsyncEnumerable().WithCancellation(ct))
        {
            var k = classes.Next(r.LifetimePoints);
            rank++;
            top ??= $"{ReportContext.Name(r.Name)} · {Format.Phone(r.Phone)} · {Format.Points(r.LifetimePoints)} pontos";
            pdf.Row([
                rank.ToString("N0", Format.PtBr), ReportContext.Name(r.Name), Format.Phone(r.Phone), Format.Points(r.LifetimePoints),
                Format.Points(r.LastYear ?? 0m), Format.Money(r.LifetimeSpend), r.Visits.ToString(Format.PtBr),
                Format.Date(r.LastPurchaseAt, ctx.Zone), classes.CumulativeShare.ToString("0.0", Format.PtBr) + "%", k.ToString(),
            ]);
        }
        var done = pdf.Finish();
        return (done.Pdf, done.Pages, top);
    }

    private static string Share(decimal part, decimal whole) =>
        (whole <= 0 ? 0m : 100m * part / whole).ToString("0.0", Format.PtBr) + "%";
}
