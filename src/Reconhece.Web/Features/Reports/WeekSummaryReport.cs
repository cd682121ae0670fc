using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Features.Dashboard;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// "Sua semana em 30 segundos", the first PDF of every run: the reported week's sales, customers, new
/// customers and who reached the goal, each against the week before, then whom to contact. Every figure comes
/// from the query that counts it elsewhere (the Painel's <see cref="DashboardQuery.FiguresAsync"/>, the goal
/// report's <see cref="GoalReport.CountsAsync"/>, the Início's <see cref="AgendaHighlights"/>), so the same
/// week reads the same everywhere. A week without purchases says so, and nothing else.
/// </summary>
public static class WeekSummaryReport
{
    public const string Title = "Sua semana em 30 segundos";

    /// <summary>Whom to contact: as many as Início shows.</summary>
    public const int Contacts = 3;

    /// <summary>
    /// Below this many purchases in the week before, a percentage change says more about chance than about
    /// the shop (3 → 6 is "+100%"): the two figures are shown, without the percentage.
    /// </summary>
    public const int MinimumForChange = 20;

    private static readonly PdfColumn[] ContactColumns = [new("Cliente", PdfPlace.Heading), new("Celular", PdfPlace.Aside), new("Por quê")];

    public static async Task<(byte[] Pdf, int Pages)> BuildAsync(AppDbContext db, ReportContext ctx, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var before = ReportSchedule.WeekPeriod(ctx.WeekStart.AddDays(-7), ctx.Zone);
        var week = await DashboardQuery.FiguresAsync(db, ctx.Week, ct);
        var last = await DashboardQuery.FiguresAsync(db, before, ct);
        var (waiting, reached) = await GoalReport.CountsAsync(db, ctx, ct);
        var gifts = await db.Recognitions.CountAsync(r => r.At >= ctx.Week.Start && r.At < ctx.Week.End, ct);
        var giftsBefore = await db.Recognitions.CountAsync(r => r.At >= before.Start && r.At < before.End, ct);
        var contacts = await AgendaHighlights.RowsAsync(db, t, ctx.GeneratedAtUtc, ct, Contacts);

        using var pdf = ctx.NewPdf(Title);
        var comparable = last.Purchases >= MinimumForChange;
        if (week.Purchases == 0)
        {
            pdf.Line("Nenhuma compra registrada nesta semana.", bold: true);
            pdf.Line(last.Purchases == 0
                ? "Na semana anterior também não. Sem compras registradas não há números para mostrar."
                : $"Na semana anterior foram {Format.Count(last.Purchases, "compra", "compras")}. Se a loja vendeu, a equipe não registrou os clientes.");
        }
        else
        {
            pdf.Line(comparable
                ? "Cada número com o da semana anterior ao lado."
                : "Cada número com o da semana anterior ao lado. Com poucas compras, a diferença ainda diz pouco: por isso sem porcentagem.", muted: true);
            pdf.Space(4);
            var customers = week.NewCustomers + week.ReturningCustomers;
            var customersBefore = last.NewCustomers + last.ReturningCustomers;
            pdf.Figure("Vendas registradas", Format.Money(week.Revenue), Before(Format.Money(last.Revenue), week.Revenue, last.Revenue, comparable));
            pdf.Figure("Compras", Format.Count(week.Purchases, "compra", "compras"),
                Before(Format.Points(last.Purchases), week.Purchases, last.Purchases, comparable));
            pdf.Figure("Clientes atendidos", Format.Count(customers, "cliente", "clientes"),
                $"{Format.Count(week.NewCustomers, "novo", "novos")}, {Format.Count(week.ReturningCustomers, "voltou", "voltaram")} · " +
                Before(Format.Points(customersBefore), customers, customersBefore, comparable));
            pdf.Figure("Novos clientes", Format.Points(week.NewCustomers), Before(Format.Points(last.NewCustomers), week.NewCustomers, last.NewCustomers, comparable));
        }
        pdf.Figure("Chegaram à meta nesta semana", Format.Points(reached),
            $"esperam o brinde agora: {Format.Points(waiting)} · brindes entregues: {Format.Points(gifts)} (semana anterior: {Format.Points(giftsBefore)})");

        pdf.Line("Quem contatar", bold: true);
        if (contacts.Count == 0) pdf.Line("Ninguém na lista de Ações pede contato agora.");
        else
        {
            pdf.Line("Toque no celular para abrir o WhatsApp. A lista toda está em Ações.", muted: true);
            pdf.BeginTable(ContactColumns);
            foreach (var c in contacts)
                pdf.Row([ReportContext.Name(c.Row.Name), Format.Phone(c.Row.Phone), c.Why],
                    link: ctx.WhatsApp(c.List, c.Row.Id, null) is { } wa ? (1, wa) : null);
            pdf.EndTable();
        }
        return pdf.Finish();
    }

    /// <summary>"semana anterior: R$ 900,00 (+12,5%)": the percentage only when the week before had enough purchases to compare.</summary>
    private static string Before(string shown, decimal now, decimal before, bool comparable) =>
        $"semana anterior: {shown}" + (comparable && Format.Change(now, before) is { } change ? $" ({change})" : "");
}
