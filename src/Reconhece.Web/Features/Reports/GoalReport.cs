using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>Meta atingida: who is eligible now, oldest first, and who reached the goal during the reported week.</summary>
public static class GoalReport
{
    public const string Title = "Clientes que atingiram a meta";

    private static readonly PdfColumn[] Columns =
    [
        new("Cliente", 118), new("Celular", 76), new("Atingiu em", 60), new("Saldo", 54, Right: true),
        new("Última compra", 68), new("Gasto total", 80, Right: true), new("Na semana", 67),
    ];

    public static async Task<(byte[] Pdf, int Pages, int Eligible)> BuildAsync(AppDbContext db, ReportContext ctx, CancellationToken ct)
    {
        var goal = ctx.Program.Goal;
        var eligible = db.Customers.AsNoTracking().Where(c => Goal.IsReached(c.Balance, goal));
        var count = await eligible.CountAsync(ct);
        var inWeek = await eligible.CountAsync(c => c.EligibleSince >= ctx.Week.Start && c.EligibleSince < ctx.Week.End, ct);

        using var pdf = ctx.NewPdf(Title);
        pdf.Line($"Meta: {Format.Points(goal)} pontos · reconhecimento: {ctx.Program.RecognitionText}", bold: true);
        if (count == 0)
        {
            pdf.Line("Nenhum cliente está com a meta atingida agora.");
            pdf.Line("Quando alguém chegar à meta, ele aparece aqui e na tela Reconhecimento, com o convite pelo WhatsApp.");
            var empty = pdf.Finish();
            return (empty.Pdf, empty.Pages, 0);
        }
        pdf.Line($"{Format.Count(count, "cliente elegível", "clientes elegíveis")} agora; {Format.Count(inWeek, "atingiu", "atingiram")} a meta nesta semana.");
        pdf.Line("Convide-os para receber o reconhecimento: toque no celular para abrir o WhatsApp com o convite pronto.");
        pdf.Space();
        pdf.BeginTable(Columns);
        var rows = eligible.OrderBy(c => c.EligibleSince).ThenBy(c => c.Phone)
            .Select(c => new { c.Name, c.Phone, c.EligibleSince, c.Balance, c.LastPurchaseAt, c.LifetimeSpend, c.ContactOptOutAt });
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var reachedInWeek = r.EligibleSince >= ctx.Week.Start && r.EligibleSince < ctx.Week.End;
            pdf.Row([
                ReportContext.Name(r.Name), Format.Phone(r.Phone), Format.Date(r.EligibleSince, ctx.Zone), Format.Points(r.Balance),
                Format.Date(r.LastPurchaseAt, ctx.Zone), Format.Money(r.LifetimeSpend), reachedInWeek ? "Sim" : "—",
            ], bold: reachedInWeek, link: ctx.WhatsApp(AgendaList.Goal, r.Phone, r.Name, r.Balance, r.ContactOptOutAt) is { } wa ? (1, wa) : null);
        }
        var done = pdf.Finish();
        return (done.Pdf, done.Pages, count);
    }
}
