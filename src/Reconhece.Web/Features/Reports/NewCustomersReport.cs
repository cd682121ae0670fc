using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>Novos clientes: whose first purchase fell in the reported week, and how the week compares with the four before it.</summary>
public static class NewCustomersReport
{
    public const string Title = "Novos clientes da semana";

    private static readonly PdfColumn[] Columns =
    [
        new("Cliente", PdfPlace.Heading), new("Celular", PdfPlace.Aside), new("Primeira compra"), new("Filial"),
        new("Compra"), new("Pontos"),
    ];

    public static async Task<(byte[] Pdf, int Pages, int NewCustomers)> BuildAsync(AppDbContext db, ReportContext ctx, CancellationToken ct)
    {
        var weeks = new List<(DateOnly Start, int Count)>();
        for (var i = 0; i <= 4; i++)
        {
            var start = ctx.WeekStart.AddDays(-7 * i);
            var p = ReportSchedule.WeekPeriod(start, ctx.Zone);
            weeks.Add((start, await db.Customers.CountAsync(c => c.FirstPurchaseAt >= p.Start && c.FirstPurchaseAt < p.End, ct)));
        }
        var count = weeks[0].Count;
        var previous = weeks.Skip(1).ToList();
        var average = previous.Average(w => w.Count);

        using var pdf = ctx.NewPdf(Title);
        pdf.Line($"{Format.Count(count, "novo cliente", "novos clientes")} nesta semana · média das quatro anteriores: {average.ToString("0.#", Format.PtBr)}", bold: true);
        pdf.Line("Semanas anteriores: " + string.Join(" · ", previous.Select(w =>
            $"{w.Start.ToString("dd/MM", Format.PtBr)}–{w.Start.AddDays(6).ToString("dd/MM", Format.PtBr)}: {w.Count}")));
        if (count == 0)
        {
            pdf.Line("Nenhum cliente novo nesta semana. Uma ação de divulgação pode trazer gente nova — e aqui você vê se deu certo.");
            var empty = pdf.Finish();
            return (empty.Pdf, empty.Pages, 0);
        }
        pdf.Space();
        pdf.BeginTable(Columns);
        var rows = from c in db.Customers.AsNoTracking()
                   where c.FirstPurchaseAt >= ctx.Week.Start && c.FirstPurchaseAt < ctx.Week.End
                   join b in db.Branches on c.FirstBranchId equals b.Id into bj
                   from b in bj.DefaultIfEmpty()
                   let first = db.Purchases.Where(p => p.CustomerId == c.Id && p.WasNewCustomer).OrderBy(p => p.At)
                       .Select(p => new { p.Amount, p.Quantity, p.Points }).FirstOrDefault()
                   orderby c.FirstPurchaseAt, c.Phone
                   select new { c.Name, c.Phone, c.FirstPurchaseAt, Branch = b.Name, first!.Amount, first.Quantity, first.Points };
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            // As the customer page shows it: the amount, with the quantity in brackets under a by-unit rule.
            var value = r.Amount is { } amount
                ? Format.Money(amount) + (r.Quantity is { } q ? $" ({q})" : "")
                : r.Quantity is { } units ? $"{units} un." : "—";
            pdf.Row([
                ReportContext.Name(r.Name), Format.Phone(r.Phone), Format.DateTime(r.FirstPurchaseAt!.Value, ctx.Zone),
                r.Branch ?? "—", value, Format.Points(r.Points),
            ]);
        }
        var done = pdf.Finish();
        return (done.Pdf, done.Pages, count);
    }
}
