using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>Clientes inativos: who has not bought for longer than the business's threshold, the biggest spenders first.</summary>
public static class InactiveReport
{
    public const string Title = "Clientes que não compram há um tempo";

    private static readonly PdfColumn[] Columns =
    [
        new("Cliente", 120), new("Celular", 82), new("Última compra", 68), new("Dias sem vir", 58, Right: true),
        new("Gasto total", 78, Right: true), new("Visitas", 50, Right: true), new("Saldo", 67, Right: true),
    ];

    public static async Task<(byte[] Pdf, int Pages, int Inactive)> BuildAsync(AppDbContext db, ReportContext ctx, CancellationToken ct)
    {
        var days = ctx.Program.InactivityDays;
        var inactive = db.Customers.AsNoTracking().Where(Inactivity.Customers(ctx.GeneratedAtUtc, days));
        var count = await inactive.CountAsync(ct);
        var spend = count == 0 ? 0m : await inactive.SumAsync(c => c.LifetimeSpend, ct);

        using var pdf = ctx.NewPdf(Title);
        pdf.Line($"{Format.Count(count, "cliente", "clientes")} sem comprar há mais de {days} dias", bold: true);
        if (count == 0)
        {
            pdf.Line("Todos os clientes voltaram dentro do prazo. Ótimo sinal!");
            var empty = pdf.Finish();
            return (empty.Pdf, empty.Pages, 0);
        }
        pdf.Line($"Juntos, já gastaram {Format.Money(spend)} aqui. Os primeiros da lista são os que mais vale a pena trazer de volta: toque no celular para abrir o WhatsApp com a mensagem pronta.");
        pdf.Space();
        pdf.BeginTable(Columns);
        var rows = inactive.OrderByDescending(c => c.LifetimeSpend).ThenBy(c => c.LastPurchaseAt)
            .Select(c => new { c.Name, c.Phone, c.LastPurchaseAt, c.LifetimeSpend, c.Visits, c.Balance, c.ContactOptOutAt });
        var today = Format.Local(ctx.GeneratedAtUtc, ctx.Zone).Date;
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var away = (today - Format.Local(r.LastPurchaseAt!.Value, ctx.Zone).Date).Days;
            pdf.Row([
                ReportContext.Name(r.Name), Format.Phone(r.Phone), Format.Date(r.LastPurchaseAt, ctx.Zone), away.ToString("N0", Format.PtBr),
                Format.Money(r.LifetimeSpend), r.Visits.ToString("N0", Format.PtBr), Format.Points(r.Balance),
            ], link: ctx.WhatsApp(AgendaList.Fading, r.Phone, r.Name, r.Balance, r.ContactOptOutAt) is { } wa ? (1, wa) : null);
        }
        var done = pdf.Finish();
        return (done.Pdf, done.Pages, count);
    }
}
