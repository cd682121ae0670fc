using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Reconhece.Web.Domain;
using Reconhece.Web.Infrastructure.Email;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// An automatic message as an e-mail: the message's text, then how to stop, as text and HTML, with RFC
/// 8058's one-click unsubscribe headers (../shared/DOMAIN.md, "Email to customers"). Its Message-ID is the
/// outbox row's.
/// </summary>
public sealed class AutomaticEmail(IOptions<EmailOptions> email, IStringLocalizer<SharedResource> t)
{
    public MimeMessage Compose(Guid id, string subject, string to, string businessName, string text, Uri stop)
    {
        var from = MailboxAddress.Parse(email.Value.From);
        var message = new MimeMessage { Subject = subject, MessageId = $"mensagem-{id:N}@reconhece.app" };
        message.From.Add(new MailboxAddress(businessName, from.Address));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("List-Unsubscribe", $"<{stop.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var footer = t["Não quer mais receber e-mails de {0}? Descadastre-se: {1}", businessName, stop.AbsoluteUri].Value;
        var html = string.Join("", text.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")) +
                   $"<p style=\"color:#64748b;font-size:12px\">{WebUtility.HtmlEncode(t["Não quer mais receber e-mails de {0}?", businessName].Value)} " +
                   $"<a href=\"{WebUtility.HtmlEncode(stop.AbsoluteUri)}\">{WebUtility.HtmlEncode(t["Descadastrar"].Value)}</a></p>";
        message.Body = new BodyBuilder { TextBody = text + "\n\n" + footer, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>The subject says why the customer gets it.</summary>
    public string Subject(MessageTrigger trigger, MessageFields f, string? occasion) => trigger switch
    {
        MessageTrigger.Welcome => t["{0}: obrigado pela visita", f.BusinessName],
        MessageTrigger.GoalReached => t["{0}: você ganhou {1}!", f.BusinessName, f.Prize],
        MessageTrigger.NearGoal => t["{0}: falta pouco para {1}", f.BusinessName, f.Prize],
        MessageTrigger.Expiring => t["{0}: seus pontos vão vencer", f.BusinessName],
        MessageTrigger.Fading => t["{0}: sentimos sua falta", f.BusinessName],
        MessageTrigger.Birthday => t["{0}: feliz aniversário!", f.BusinessName],
        MessageTrigger.Invitation => t["{0}: {1}", f.BusinessName, occasion ?? ""],
        _ => f.BusinessName,
    };
}
