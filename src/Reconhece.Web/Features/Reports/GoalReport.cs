using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// Meta atingida, for reading: who reached the goal during the reported week, then those still waiting for
/// their recognition, the longest waiting first, each list cut at <see cref="ReportContext.RowsPerList"/>
/// rows with the count of the rest (the full list is on Reconhecimento).
/// </summary>
public static class GoalReport
{
    public const string Title = "Clientes que atingiram a meta";

    private static readonly PdfColumn[] Columns =
    [
        new("Cliente", PdfPlace.Heading), new("Celular", PdfPlace.Aside), new("Chegou à meta em"), new("Saldo"),
        new("Última compra"), new("Gasto total"),
    ];

    public static async Task<(byte[] Pdf, int Pages, int Eligible)> BuildAsync(AppDbContext db, ReportContext ctx, CancellationToken ct)
    {
        var goal = ctx.Program.Goal;
        var (start, end) = (ctx.Week.Start, ctx.Week.End);
        var eligible = Eligible(db, ctx);
        var thisWeek = ReachedInWeek(eligible, ctx);
        var (count, inWeek) = await CountsAsync(db, ctx, ct);

        using var pdf = ctx.NewPdf(Title);
        pdf.Line($"Meta: {Format.Points(goal)} pontos · reconhecimento: {ctx.Program.RecognitionText}", bold: true);
        if (count == 0)
        {
            pdf.Line("Nenhum cliente está com a meta atingida agora.");
            pdf.Line("Quando alguém chegar à meta, ele aparece aqui e na tela Reconhecimento, com o convite pelo WhatsApp.");
            var empty = pdf.Finish();
            return (empty.Pdf, empty.Pages, 0);
        }
        pdf.Line($"{Format.Count(count, "cliente espera", "clientes esperam")} o brinde agora: {Format.Count(inWeek, "atingiu", "atingiram")} a meta nesta semana, " +
                 // The others reached it before the week or after it ended (a report made days later): "em outra semana".
                 $"{Format.Count(count - inWeek, "em outra semana", "em outras semanas")}.");
        pdf.Line("Convide-os para receber o reconhecimento: toque no celular para abrir o WhatsApp com o convite pronto.");

        pdf.Space();
        pdf.Line("Atingiram a meta nesta semana", bold: true);
        if (inWeek == 0) pdf.Line("Ninguém atingiu a meta nesta semana.");
        else await ListAsync(pdf, ctx, thisWeek, ct);
        ReportContext.More(pdf, inWeek, "na tela Reconhecimento");

        var waiting = count - inWeek;
        if (waiting > 0)
        {
            pdf.Space();
            pdf.Line("Ainda esperam o reconhecimento (quem espera há mais tempo primeiro)", bold: true);
            await ListAsync(pdf, ctx, eligible.Where(c => c.EligibleSince == null || c.EligibleSince < start || c.EligibleSince >= end), ct);
            ReportContext.More(pdf, waiting, "na tela Reconhecimento");
        }
        var done = pdf.Finish();
        return (done.Pdf, done.Pages, count);
    }

    /// <summary>
    /// How many wait for their recognition now, and how many of them reached the goal in the reported week:
    /// the counts this report and "Sua semana" both print.
    /// </summary>
    public static async Task<(int Eligible, int ReachedInWeek)> CountsAsync(AppDbContext db, ReportContext ctx, CancellationToken ct)
    {
        var eligible = Eligible(db, ctx);
        return (await eligible.CountAsync(ct), await ReachedInWeek(eligible, ctx).CountAsync(ct));
    }

    private static IQueryable<Customer> Eligible(AppDbContext db, ReportContext ctx)
    {
        var goal = ctx.Program.Goal;
        return db.Customers.AsNoTracking().Where(c => Goal.IsReached(c.Balance, goal));
    }

    private static IQueryable<Customer> ReachedInWeek(IQueryable<Customer> eligible, ReportContext ctx) =>
        eligible.Where(c => c.EligibleSince >= ctx.Week.Start && c.EligibleSince < ctx.Week.End);

    private static async Task ListAsync(PdfReportWriter pdf, ReportContext ctx, IQueryable<Customer> customers, CancellationToken ct)
    {
        pdf.BeginTable(Columns);
        var rows = customers.OrderBy(c => c.EligibleSince).ThenBy(c => c.Phone).Take(ReportContext.RowsPerList)
            .Select(c => new { c.Id, c.Name, c.Phone, c.EligibleSince, c.Balance, c.LastPurchaseAt, c.LifetimeSpend, c.ContactOptOutAt });
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            pdf.Row([
                ReportContext.Name(r.Name), Format.Phone(r.Phone), Format.Date(r.EligibleSince, ctx.Zone), Format.Points(r.Balance),
                Format.Date(r.LastPurchaseAt, ctx.Zone), Format.Money(r.LifetimeSpend),
            ], link: ctx.WhatsApp(AgendaList.Goal, r.Id, r.ContactOptOutAt) is { } wa ? (1, wa) : null);
        pdf.EndTable();
    }
}
