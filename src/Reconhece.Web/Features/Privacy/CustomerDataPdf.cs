using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Privacy;

/// <summary>The one-page "Dados do cliente": what is held, why, who sees it; the latest movements (the JSON has them all).</summary>
public static class CustomerDataPdf
{
    private const int LatestPurchases = 8;

    public static byte[] Build(CustomerDataFile d, TimeZoneInfo zone)
    {
        var c = d.Customer;
        using var pdf = new PdfReportWriter("Dados do cliente (LGPD art. 18)", d.Controller.Business,
            $"{c.Name ?? "Cliente"} · {Format.Phone(c.Phone)}", $"Gerado em {Format.DateTime(d.GeneratedAt, zone)}");
        pdf.Line("Dados guardados", bold: true);
        pdf.Line($"Celular: {Format.Phone(c.Phone)}" + (c.MergedPhones.Count > 0 ? $" (também: {string.Join(", ", c.MergedPhones.Select(Format.Phone))})" : ""));
        pdf.Line($"Nome: {c.Name ?? "não informado"} · E-mail: {c.Email ?? "não informado"} · Nascimento: {Format.Date(c.BirthDate)}");
        pdf.Line($"Cadastro: {Format.Date(c.RegisteredAt, zone)} · Primeira compra: {Format.Date(c.FirstPurchaseAt, zone)} · Última: {Format.Date(c.LastPurchaseAt, zone)}");
        pdf.Line($"{Format.Count(c.Visits, "compra", "compras")} · {Format.Money(c.TotalSpend)} · saldo {Format.PointsCount(c.PointsBalance)} ({Format.Points(c.PointsEarned)} ganhos)");
        pdf.Line($"{Format.Count(d.Recognitions.Count, "reconhecimento", "reconhecimentos")} · {Format.Count(d.Contacts.Count, "contato", "contatos")} da loja · "
            + (c.NoContactSince is { } since ? $"não quer contato desde {Format.Date(since, zone)}" : "aceita contato"));
        pdf.Space();
        pdf.Line("Para quê", bold: true);
        foreach (var purpose in d.Purposes) pdf.Line("• " + purpose);
        pdf.Space();
        pdf.Line("Quem vê", bold: true);
        pdf.Line($"Responsáveis: {string.Join(", ", d.Recipients.Owners)}. Relatórios por e-mail: {(d.Recipients.ReportRecipients.Count == 0 ? "só os responsáveis" : string.Join(", ", d.Recipients.ReportRecipients))}.");
        pdf.Line(d.Recipients.Staff + " " + d.Recipients.SharedWith);
        pdf.Line("Prazo de guarda: " + d.Retention);
        pdf.Space();
        pdf.Line($"Últimas compras (todas as {d.Purchases.Count} estão na cópia em arquivo)", bold: true);
        pdf.BeginTable([new PdfColumn("Data", PdfPlace.Heading), new PdfColumn("Filial"), new PdfColumn("Valor"), new PdfColumn("Pontos")]);
        foreach (var p in d.Purchases.TakeLast(LatestPurchases).Reverse())
            pdf.Row([Format.DateTime(p.At, zone), p.Branch, p.Amount is { } a ? Format.Money(a) : $"{p.Quantity} un.",
                p.ReversedAt is null ? Format.Points(p.Points) : "estornada"]);
        return pdf.Finish().Pdf;
    }
}
