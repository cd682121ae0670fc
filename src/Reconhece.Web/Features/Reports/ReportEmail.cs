using System.Text;
using MimeKit;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Reports;

/// <summary>The weekly email: pt-BR body with the headline numbers, the four PDFs attached.</summary>
public static class ReportEmail
{
    public static MimeMessage Compose(ReportRun run, string businessName, int inactivityDays, string from,
        IReadOnlyList<MailboxAddress> to, IReadOnlyList<ReportFile> files)
    {
        var period = $"{run.WeekStart.ToString("dd/MM", Format.PtBr)} a {run.WeekEnd.ToString("dd/MM/yyyy", Format.PtBr)}";
        var message = new MimeMessage { Subject = $"Relatórios da semana {period} — {businessName}", MessageId = run.MessageId };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(to);

        var body = new StringBuilder()
            .AppendLine("Olá!")
            .AppendLine()
            .AppendLine(Format.PtBr, $"Estes são os relatórios de {businessName} para a semana de {period}.")
            .AppendLine()
            .AppendLine(Format.PtBr, $"• Novos clientes na semana: {run.NewCustomers.ToString("N0", Format.PtBr)}")
            .AppendLine(Format.PtBr, $"• Clientes com a meta atingida: {run.EligibleCustomers.ToString("N0", Format.PtBr)}")
            .AppendLine(Format.PtBr, $"• Clientes sem comprar há mais de {inactivityDays} dias: {run.InactiveCustomers.ToString("N0", Format.PtBr)}")
            .AppendLine(Format.PtBr, $"• Melhor cliente: {run.TopCustomer ?? "ainda nenhum"}")
            .AppendLine()
            .AppendLine("Em anexo:");
        var ordered = files.OrderBy(f => f.Kind).ToList();
        for (var i = 0; i < ordered.Count; i++)
            body.AppendLine(Format.PtBr, $"{i + 1}. {BuildWeeklyReports.Kinds[ordered[i].Kind].Title} ({ordered[i].FileName})");
        body.AppendLine()
            .AppendLine("Quem atingiu a meta merece um convite: a tela Reconhecimento tem a mensagem pronta para o WhatsApp.")
            .AppendLine()
            .AppendLine("Reconhece — conheça e reconheça seus clientes");

        var builder = new BodyBuilder { TextBody = body.ToString() };
        foreach (var file in ordered)
            builder.Attachments.Add(file.FileName, file.Content, new ContentType("application", "pdf"));
        message.Body = builder.ToMessageBody();
        return message;
    }
}
