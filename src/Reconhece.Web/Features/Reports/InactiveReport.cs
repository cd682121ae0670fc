using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// Clientes inativos, for reading: who became inactive during the reported week, then those inactive for
/// longer, the biggest spenders first in each, each list cut at <see cref="ReportContext.RowsPerList"/> rows
/// with the count of the rest (the full list is in Clientes → inativos).
/// </summary>
public static class InactiveReport
{
    public const string Title = "Clientes que não compram há um tempo";

    private static readonly PdfColumn[] Columns =
    [
        new("Cliente", PdfPlace.Heading), new("Celular", PdfPlace.Aside), new("Última compra"), new("Dias sem vir"),
        new("Gasto total"), new("Visitas"), new("Saldo"),
    ];

    public static async Task<(byte[] Pdf, int Pages, int Inactive)> BuildAsync(AppDbContext db, ReportContext ctx, CancellationToken ct)
    {
        var days = ctx.Program.InactivityDays;
        var inactive = db.Customers.AsNoTracking().Where(Inactivity.Customers(ctx.GeneratedAtUtc, days));
        var count = await inactive.CountAsync(ct);
        var spend = count == 0 ? 0m : await inactive.SumAsync(c => c.LifetimeSpend, ct);
        var (from, to) = (Inactivity.Cutoff(ctx.Week.Start, days), Inactivity.Cutoff(ctx.Week.End, days));
        var thisWeek = inactive.Where(c => c.LastPurchaseAt >= from && c.LastPurchaseAt < to);
        var inWeek = await thisWeek.CountAsync(ct);

        using var pdf = ctx.NewPdf(Title);
        pdf.Line($"{Format.Count(count, "cliente", "clientes")} sem comprar há mais de {days} dias", bold: true);
        if (count == 0)
        {
            // Praise only where there is something to praise: a business without returning customers yet is told so.
            pdf.Line(await db.Customers.AnyAsync(c => c.Visits > 0, ct)
                ? "Todos os clientes voltaram dentro do prazo."
                : "Ainda não há clientes com compras registradas.");
            var empty = pdf.Finish();
            return (empty.Pdf, empty.Pages, 0);
        }
        pdf.Line($"Juntos, já gastaram {Format.Money(spend)} aqui. {Format.Count(inWeek, "ficou inativo", "ficaram inativos")} nesta semana. " +
                 "Os primeiros de cada lista são os que mais vale a pena trazer de volta: toque no celular para abrir o WhatsApp com a mensagem pronta.");

        pdf.Space();
        pdf.Line("Ficaram inativos nesta semana", bold: true);
        if (inWeek == 0) pdf.Line("Ninguém passou do prazo nesta semana.");
        else await ListAsync(pdf, ctx, thisWeek, ct);
        ReportContext.More(pdf, inWeek, "em Clientes → inativos");

        var older = count - inWeek;
        if (older > 0)
        {
            pdf.Space();
            pdf.Line("Inativos há mais tempo", bold: true);
            await ListAsync(pdf, ctx, inactive.Where(c => c.LastPurchaseAt < from || c.LastPurchaseAt >= to), ct);
            ReportContext.More(pdf, older, "em Clientes → inativos");
        }
        var done = pdf.Finish();
        return (done.Pdf, done.Pages, count);
    }

    private static async Task ListAsync(PdfReportWriter pdf, ReportContext ctx, IQueryable<Customer> customers, CancellationToken ct)
    {
        pdf.BeginTable(Columns);
        var rows = customers.OrderByDescending(c => c.LifetimeSpend).ThenBy(c => c.LastPurchaseAt).Take(ReportContext.RowsPerList)
            .Select(c => new { c.Id, c.Name, c.Phone, c.LastPurchaseAt, c.LifetimeSpend, c.Visits, c.Balance, c.ContactOptOutAt });
        var today = Format.Local(ctx.GeneratedAtUtc, ctx.Zone).Date;
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var away = (today - Format.Local(r.LastPurchaseAt!.Value, ctx.Zone).Date).Days;
            pdf.Row([
                ReportContext.Name(r.Name), Format.Phone(r.Phone), Format.Date(r.LastPurchaseAt, ctx.Zone), away.ToString("N0", Format.PtBr),
                Format.Money(r.LifetimeSpend), r.Visits.ToString("N0", Format.PtBr), Format.Points(r.Balance),
            ], link: ctx.WhatsApp(AgendaList.Fading, r.Id, r.ContactOptOutAt) is { } wa ? (1, wa) : null);
        }
        pdf.EndTable();
    }
}
