using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// Curva ABC, for reading: the classes of every customer by points earned (abc_classes, the one rule) at the
/// top, then the first <see cref="Rows"/> of the ranking (lifetime points, with the last 12 months beside
/// them) and how many more there are; the whole ranking, with each customer's class, is "Exportar clientes".
/// Two queries: the first counts the classes, the second reads only the rows it prints.
/// </summary>
public static class AbcReport
{
    public const string Title = "Melhores clientes";

    /// <summary>
    /// The first of the ranking a weekly PDF lists: about nine phone pages (ReportContext.RowsPerList is for
    /// the shorter lists). 100 made 18 pages, more than anyone scrolls on a phone; the export has them all.
    /// </summary>
    public const int Rows = 50;

    private static readonly PdfColumn[] Columns =
    [
        new("#", PdfPlace.Heading), new("Cliente", PdfPlace.Heading), new("Celular", PdfPlace.Aside), new("Pontos"),
        new("Últimos 12 meses"), new("Gasto total"), new("Visitas"), new("Última compra"), new("Grupo"), new("Acumulado"),
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
        foreach (var (k, label) in new[] { ('A', $"juntos somam até {a}% dos pontos"), ('B', $"os seguintes, até {b}%"), ('C', "o restante") })
        {
            var (n, pts) = counts.TryGetValue(k, out var c) ? (c.Customers, c.Points) : (0, 0m);
            pdf.Line($"{ClassName(k)} (classe {k}, {label}): {Format.Count(n, "cliente", "clientes")} ({Share(n, customers)} dos clientes), " +
                     $"{Format.Points(pts)} pontos ({Share(pts, total)} dos pontos)");
        }
        pdf.Line("Pontos: ganhos em compras desde o primeiro dia (estornos descontados); últimos 12 meses: só os do último ano. " +
                 "Acumulado: a parte de todos os pontos que este cliente e os de cima somam.", muted: true);
        pdf.Space();
        pdf.BeginTable(Columns);

        var since = ctx.GeneratedAtUtc.AddMonths(-12);
        // The 12-month points only for the rows printed: summing a big business's whole year of purchases
        // for a page of names was most of this report's time.
        var rows = db.Database.SqlQuery<Row>($"""
            SELECT k.rank, k.class, k.share_after, c.name, c.phone, c.lifetime_points, c.lifetime_spend, c.visits, c.last_purchase_at,
                   COALESCE((SELECT sum(p.points) FROM purchases p
                             WHERE p.business_id = {business} AND p.customer_id = c.id AND p.reversed_at IS NULL AND p.at >= {since}), 0) AS last_year
            FROM (SELECT * FROM abc_classes({business}) ORDER BY rank LIMIT {Rows}) k
            JOIN customers c ON c.business_id = {business} AND c.id = k.customer_id
            ORDER BY k.rank
            """);
        string? top = null;
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            top ??= $"{ReportContext.Name(r.Name)} · {Format.Phone(r.Phone)} · {Format.Points(r.LifetimePoints)} pontos";
            pdf.Row([
                r.Rank.ToString("N0", Format.PtBr) + "º", ReportContext.Name(r.Name), Format.Phone(r.Phone), Format.Points(r.LifetimePoints),
                Format.Points(r.LastYear), Format.Money(r.LifetimeSpend), r.Visits.ToString(Format.PtBr),
                Format.Date(r.LastPurchaseAt, ctx.Zone), $"{ClassName(r.Class[0])} ({r.Class})", r.ShareAfter.ToString("0.0", Format.PtBr) + "%",
            ]);
        }
        pdf.EndTable();
        ReportContext.More(pdf, customers, "em Clientes → Exportar clientes (CSV, com a classe de cada cliente)", Rows);
        var done = pdf.Finish();
        return (done.Pdf, done.Pages, top);
    }

    /// <summary>What an ABC class means, said in words: the letters stay beside it, as the export and Relatórios' settings use them.</summary>
    public static string ClassName(char k) => k switch { 'A' => "Principais", 'B' => "Intermediários", _ => "Ocasionais" };

    private static string Share(decimal part, decimal whole) =>
        (whole <= 0 ? 0m : 100m * part / whole).ToString("0.0", Format.PtBr) + "%";
}
