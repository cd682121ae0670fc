using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// Curva ABC: every customer by points earned (lifetime, with the last 12 months beside it), classed
/// A/B/C by cumulative share (abc_classes, the one rule). Two queries: the first counts the classes for the
/// summary at the top, the second streams the rows; neither holds the customers in memory.
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

    private sealed record ClassCount(string Class, int Customers, decimal Points);

    private sealed record Row(long Rank, string Class, decimal ShareAfter, string? Name, string Phone, decimal LifetimePoints,
        decimal LifetimeSpend, int Visits, DateTime? LastPurchaseAt, decimal LastYear);

    public static async Task<(byte[] Pdf, int Pages, string? TopCustomer)> BuildAsync(AppDbContext db, ReportContext ctx, CancellationToken ct)
    {
        var business = ctx.Program.BusinessId;
        // The classes come from abc_classes (Data/Functions), the one rule every page shares.
        var counts = await db.Database.SqlQuery<ClassCount>($"""
            SELECT k.class, count(*)::int AS customers, COALESCE(sum(GREATEST(c.lifetime_points, 0)), 0) AS points
            FROM abc_classes({business}) k JOIN customers c ON c.business_id = {business} AND c.id = k.customer_id
            GROUP BY k.class
            """).ToDictionaryAsync(c => c.Class[0], ct);
        var customers = counts.Values.Sum(v => v.Customers);
        var total = counts.Values.Sum(v => v.Points);
        var a = ctx.Settings.ClassAPercent;
        var b = ctx.Settings.ClassBPercent;

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
            var (n, pts) = counts.TryGetValue(k, out var c) ? (c.Customers, c.Points) : (0, 0m);
            pdf.Line($"Classe {k} ({label}): {Format.Count(n, "cliente", "clientes")} ({Share(n, customers)} dos clientes), " +
                     $"{Format.Points(pts)} pontos ({Share(pts, total)} dos pontos)");
        }
        pdf.Line("Pontos: ganhos em compras desde o primeiro dia (estornos descontados); 12 meses: só os do último ano.");
        pdf.Space();
        pdf.BeginTable(Columns);

        var since = ctx.GeneratedAtUtc.AddMonths(-12);
        var rows = db.Database.SqlQuery<Row>($"""
            SELECT k.rank, k.class, k.share_after, c.name, c.phone, c.lifetime_points, c.lifetime_spend, c.visits, c.last_purchase_at,
                   COALESCE(y.points, 0) AS last_year
            FROM abc_classes({business}) k
            JOIN customers c ON c.business_id = {business} AND c.id = k.customer_id
            LEFT JOIN (SELECT p.customer_id, sum(p.points) AS points FROM purchases p
                       WHERE p.business_id = {business} AND p.reversed_at IS NULL AND p.at >= {since}
                       GROUP BY p.customer_id) y ON y.customer_id = c.id
            ORDER BY k.rank
            """);
        string? top = null;
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            top ??= $"{ReportContext.Name(r.Name)} · {Format.Phone(r.Phone)} · {Format.Points(r.LifetimePoints)} pontos";
            pdf.Row([
                r.Rank.ToString("N0", Format.PtBr), ReportContext.Name(r.Name), Format.Phone(r.Phone), Format.Points(r.LifetimePoints),
                Format.Points(r.LastYear), Format.Money(r.LifetimeSpend), r.Visits.ToString(Format.PtBr),
                Format.Date(r.LastPurchaseAt, ctx.Zone), r.ShareAfter.ToString("0.0", Format.PtBr) + "%", r.Class,
            ]);
        }
        var done = pdf.Finish();
        return (done.Pdf, done.Pages, top);
    }

    private static string Share(decimal part, decimal whole) =>
        (whole <= 0 ? 0m : 100m * part / whole).ToString("0.0", Format.PtBr) + "%";
}
