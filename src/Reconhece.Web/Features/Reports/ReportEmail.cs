using System.Net;
using System.Text;
using MimeKit;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// The weekly email: the headline numbers in pt-BR — as plain text and as a light HTML version for phone
/// mail apps, both made from the same lines — and the PDFs attached. One message per recipient, each
/// with its own Message-ID (the same on every attempt) and its own "parar" link, in the body and in the
/// RFC 8058 one-click headers (StopReports).
/// </summary>
public static class ReportEmail
{
    // links: when the PDFs are too big to attach, a download link per file, valid until linksExpire.
    public static MimeMessage Compose(ReportRun run, string businessName, int inactivityDays, string from,
        MailboxAddress to, string stopUrl, IReadOnlyList<ReportFile> files,
        IReadOnlyDictionary<ReportKind, string>? links = null, DateTime? linksExpire = null, IReadOnlyList<Agenda.AgendaAction>? actions = null,
        IReadOnlyList<string>? promotions = null, IReadOnlyList<string>? monthTrend = null, IReadOnlyList<string>? messages = null)
    {
        var period = $"{run.WeekStart.ToString("dd/MM", Format.PtBr)} a {run.WeekEnd.ToString("dd/MM/yyyy", Format.PtBr)}";
        var message = new MimeMessage { Subject = $"Relatórios da semana {period} — {businessName}", MessageId = WeeklyRuns.MessageIdFor(run.MessageId, to.Address) };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(to);
        message.Headers.Add("List-Unsubscribe", $"<{stopUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var intro = $"Estes são os relatórios de {businessName} para a semana de {period}.";
        (string Label, string Value)[] numbers =
        [
            ("Novos clientes na semana", run.NewCustomers.ToString("N0", Format.PtBr)),
            ("Clientes com a meta atingida", run.EligibleCustomers.ToString("N0", Format.PtBr)),
            ($"Clientes sem comprar há mais de {inactivityDays} dias", run.InactiveCustomers.ToString("N0", Format.PtBr)),
            ("Melhor cliente", run.TopCustomer ?? "ainda nenhum"),
        ];
        var attached = files.OrderBy(f => BuildWeeklyReports.Position(f.Kind)).Select(f => links is null
            ? $"{BuildWeeklyReports.Kinds[f.Kind].Title} ({f.FileName})"
            : $"{BuildWeeklyReports.Kinds[f.Kind].Title}: {links[f.Kind]}").ToList();
        var listHeading = links is null ? "Em anexo:"
            : $"Os relatórios são grandes demais para anexar. Baixe-os por estes links (valem até {linksExpire:dd/MM/yyyy}; depois, na tela Relatórios):";
        const string Hint = "Quem atingiu a meta merece um convite: a tela Reconhecimento tem a mensagem pronta para o WhatsApp.";
        const string Signature = "Reconhece — conheça e reconheça seus clientes";

        var text = new StringBuilder().AppendLine("Olá!").AppendLine().AppendLine(intro).AppendLine();
        foreach (var (label, value) in numbers) text.AppendLine(Format.PtBr, $"• {label}: {value}");
        const string TrendHeading = "O mês até agora:";
        monthTrend ??= [];
        if (monthTrend.Count > 0)
        {
            text.AppendLine().AppendLine(TrendHeading);
            foreach (var line in monthTrend) text.AppendLine(Format.PtBr, $"• {line}");
        }
        text.AppendLine().AppendLine(listHeading);
        for (var i = 0; i < attached.Count; i++) text.AppendLine(Format.PtBr, $"{i + 1}. {attached[i]}");
        const string ActionsHeading = "As ações mais valiosas desta semana (toque para abrir o WhatsApp com a mensagem pronta):";
        actions ??= [];
        if (actions.Count > 0)
        {
            text.AppendLine().AppendLine(ActionsHeading);
            foreach (var a in actions) text.AppendLine(Format.PtBr, $"• {a.Who}: {a.Why} {a.WhatsApp.AbsoluteUri}");
        }
        const string PromotionsHeading = "Promoções da semana (os números completos estão em Promoções):";
        promotions ??= [];
        if (promotions.Count > 0)
        {
            text.AppendLine().AppendLine(PromotionsHeading);
            foreach (var p in promotions) text.AppendLine(Format.PtBr, $"• {p}");
        }
        const string MessagesHeading = "Mensagens automáticas (tudo em Ações › Mensagens automáticas › Resultados):";
        messages ??= [];
        if (messages.Count > 0)
        {
            text.AppendLine().AppendLine(MessagesHeading);
            foreach (var m in messages) text.AppendLine(Format.PtBr, $"• {m}");
        }
        var stopLine = $"Não quer mais receber estes relatórios neste e-mail ({to.Address})? Abra: {stopUrl}";
        text.AppendLine().AppendLine(Hint).AppendLine().AppendLine(Signature).AppendLine().AppendLine(stopLine);

        static string H(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder()
            .Append("<div style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2937;max-width:560px\">")
            .Append("<p>Olá!</p><p>").Append(H(intro)).Append("</p><table style=\"border-collapse:collapse;width:100%\">");
        foreach (var (label, value) in numbers)
            html.Append("<tr><td style=\"padding:6px 0;border-bottom:1px solid #e2e8f0\">").Append(H(label))
                .Append("</td><td style=\"padding:6px 0;border-bottom:1px solid #e2e8f0;text-align:right;font-weight:bold\">").Append(H(value)).Append("</td></tr>");
        html.Append("</table>");
        if (monthTrend.Count > 0)
        {
            html.Append("<p><strong>").Append(H(TrendHeading)).Append("</strong></p><ul>");
            foreach (var line in monthTrend) html.Append("<li>").Append(H(line)).Append("</li>");
            html.Append("</ul>");
        }
        html.Append("<p>").Append(H(listHeading)).Append("</p><ol>");
        foreach (var a in attached) html.Append("<li>").Append(H(a)).Append("</li>");
        html.Append("</ol>");
        if (actions.Count > 0)
        {
            html.Append("<p><strong>").Append(H(ActionsHeading)).Append("</strong></p><ol>");
            foreach (var a in actions)
                html.Append("<li><a href=\"").Append(H(a.WhatsApp.AbsoluteUri)).Append("\">").Append(H(a.Who)).Append("</a>: ").Append(H(a.Why)).Append("</li>");
            html.Append("</ol>");
        }
        if (promotions.Count > 0)
        {
            html.Append("<p><strong>").Append(H(PromotionsHeading)).Append("</strong></p><ul>");
            foreach (var p in promotions) html.Append("<li>").Append(H(p)).Append("</li>");
            html.Append("</ul>");
        }
        if (messages.Count > 0)
        {
            html.Append("<p><strong>").Append(H(MessagesHeading)).Append("</strong></p><ul>");
            foreach (var m in messages) html.Append("<li>").Append(H(m)).Append("</li>");
            html.Append("</ul>");
        }
        html.Append("<p>").Append(H(Hint)).Append("</p><p style=\"color:#64748b\">").Append(H(Signature)).Append("</p>")
            .Append("<p style=\"color:#64748b;font-size:12px\">").Append(H($"Não quer mais receber estes relatórios neste e-mail ({to.Address})? "))
            .Append("<a href=\"").Append(H(stopUrl)).Append("\">Parar de receber</a></p></div>");

        var builder = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() };
        if (links is null)
            foreach (var file in files.OrderBy(f => BuildWeeklyReports.Position(f.Kind)))
                builder.Attachments.Add(file.FileName, file.Content, new ContentType("application", "pdf"));
        message.Body = builder.ToMessageBody();
        return message;
    }
}
