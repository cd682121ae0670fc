using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Infrastructure.Email;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// Sends the business's due outbox rows by e-mail (issue 23; decision 009): inside the sending hours,
/// claimed with SKIP LOCKED and committed as "enviando" before the mail server is called, "enviado" once
/// it accepted. A row left "enviando" by a crash becomes "incerto" and is never retried by itself. The
/// frequency cap holds per customer across every trigger; when two are due together the more valuable
/// one goes and the other waits a day. Every e-mail carries its one-click unsubscribe (RFC 8058).
/// </summary>
public sealed class SendMessages(AppDbContext db, CurrentBusiness current, TimeProvider clock, IEmailSender mail, IOptions<EmailOptions> email,
    Cards.CardLinks cards, UnsubscribeLinks unsubscribe, IStringLocalizer<SharedResource> t)
{
    public const int Batch = 50;

    /// <summary>Longer than any SMTP conversation (its timeout is seconds): a row "enviando" this long was left by a crash.</summary>
    public static readonly TimeSpan UncertainAfter = TimeSpan.FromMinutes(10);

    /// <summary>When two messages for one customer are due together, the first of this list goes (the owner's page lists them so too).</summary>
    public static readonly MessageTrigger[] ByValue =
        [MessageTrigger.GoalReached, MessageTrigger.Expiring, MessageTrigger.Fading, MessageTrigger.NearGoal, MessageTrigger.Birthday, MessageTrigger.Welcome];

    private sealed record Claimed(Guid Id, Guid CustomerId, int Trigger);

    public async Task<int> SendDueAsync(Guid businessId, CancellationToken ct)
    {
        using var scope = current.Use(businessId);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.SendingAt < now - UncertainAfter)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Uncertain), ct);
        var business = await db.BusinessAsync(ct);
        var settings = business.Messages;
        var hour = TimeZoneInfo.ConvertTimeFromUtc(now, business.Zone).Hour;
        if (hour < settings.SendFromHour || hour >= settings.SendUntilHour) return 0;

        // Claimed and committed as "enviando" in one statement, before anything is sent.
        var claimed = await db.Database.SqlQuery<Claimed>($"""
            UPDATE outbox_messages o SET status = {(int)OutboxStatus.Sending}, sending_at = {now}
            WHERE o.business_id = {businessId} AND o.id IN (
                SELECT id FROM outbox_messages WHERE business_id = {businessId} AND status = {(int)OutboxStatus.Planned} AND due_at <= {now}
                ORDER BY due_at LIMIT {Batch} FOR UPDATE SKIP LOCKED)
            RETURNING o.id, o.customer_id, o.trigger
            """).ToListAsync(ct);
        var context = await AgendaContext.LoadAsync(db, ct);
        // The batch's customers and their sends of the last 30 days, read once for the batch, not once per customer.
        var ids = claimed.Select(c => c.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.Name, x.Email, x.Balance, x.CardGeneration, x.EmailOptOutAt, x.ContactOptOutAt, x.AnonymizedAt }).ToDictionaryAsync(x => x.Id, ct);
        var sentBefore = (await db.OutboxMessages.Where(m => ids.Contains(m.CustomerId) && m.Status == OutboxStatus.Sent && m.SentAt > now.AddDays(-30))
            .Select(m => new { m.CustomerId, SentAt = m.SentAt!.Value }).ToListAsync(ct)).ToLookup(m => m.CustomerId, m => m.SentAt);
        var sent = 0;
        foreach (var customer in claimed.GroupBy(c => c.CustomerId))
        {
            var rows = customer.OrderBy(c => Array.IndexOf(ByValue, (MessageTrigger)c.Trigger)).ToList();
            var c = customers[customer.Key];
            if (c.AnonymizedAt is not null || c.ContactOptOutAt is not null)
            {
                await SetAsync(rows.Select(r => r.Id), OutboxStatus.Cancelled, ct);
                continue;
            }
            if (string.IsNullOrEmpty(c.Email) || c.EmailOptOutAt is not null)
            {
                await SetAsync(rows.Select(r => r.Id), OutboxStatus.NoChannel, ct);
                continue;
            }
            var recent = sentBefore[customer.Key].ToList();
            var capped = recent.Count(at => at > now.AddDays(-3)) >= settings.MaxPerThreeDays || recent.Count >= settings.MaxPerThirtyDays;
            var first = rows[0];
            var wait = rows.Skip(capped ? 0 : 1).Select(r => r.Id).ToList();
            if (wait.Count > 0)
                // Over the cap, or a less valuable one due together: back to planned, checked again tomorrow.
                await db.OutboxMessages.Where(m => wait.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Planned).SetProperty(m => m.SendingAt, (DateTime?)null).SetProperty(m => m.DueAt, now.AddDays(1)), ct);
            if (capped) continue;

            var trigger = (MessageTrigger)first.Trigger;
            var fields = new MessageFields(c.Name, context.BusinessName, c.Balance, context.Goal, context.Prize, cards.Url(businessId, customer.Key, c.CardGeneration));
            var message = Compose(first.Id, trigger, c.Email, AgendaLists.TemplateFor(MessageTriggers.List(trigger), context, t), fields, unsubscribe.Url(businessId, customer.Key));
            try
            {
                await mail.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Refused before the server accepted it: planned again, tried in 15 minutes.
                await db.OutboxMessages.Where(m => m.Id == first.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Planned).SetProperty(m => m.SendingAt, (DateTime?)null).SetProperty(m => m.DueAt, now.AddMinutes(15)), ct);
                continue;
            }
            var at = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => m.Id == first.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, at), CancellationToken.None);
            sent++;
        }
        return sent;
    }

    private Task<int> SetAsync(IEnumerable<Guid> ids, OutboxStatus status, CancellationToken ct)
    {
        var list = ids.ToList();
        return db.OutboxMessages.Where(m => list.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status), ct);
    }

    /// <summary>The e-mail: the Ações message filled in for the customer, then how to stop, as text and HTML, with RFC 8058's headers.</summary>
    private MimeMessage Compose(Guid id, MessageTrigger trigger, string to, string template, MessageFields fields, Uri stop)
    {
        var from = MailboxAddress.Parse(email.Value.From);
        var message = new MimeMessage { Subject = Subject(trigger, fields), MessageId = $"mensagem-{id:N}@reconhece.app" };
        message.From.Add(new MailboxAddress(fields.BusinessName, from.Address));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("List-Unsubscribe", $"<{stop.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var text = Invitation.Render(template, fields);
        var footer = t["Não quer mais receber e-mails de {0}? Descadastre-se: {1}", fields.BusinessName, stop.AbsoluteUri].Value;
        var html = string.Join("", text.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")) +
                   $"<p style=\"color:#64748b;font-size:12px\">{WebUtility.HtmlEncode(t["Não quer mais receber e-mails de {0}?", fields.BusinessName].Value)} " +
                   $"<a href=\"{WebUtility.HtmlEncode(stop.AbsoluteUri)}\">{WebUtility.HtmlEncode(t["Descadastrar"].Value)}</a></p>";
        message.Body = new BodyBuilder { TextBody = text + "\n\n" + footer, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private string Subject(MessageTrigger trigger, MessageFields f) => trigger switch
    {
        MessageTrigger.Welcome => t["{0}: obrigado pela visita", f.BusinessName],
        MessageTrigger.GoalReached => t["{0}: você ganhou {1}!", f.BusinessName, f.Prize],
        MessageTrigger.NearGoal => t["{0}: falta pouco para {1}", f.BusinessName, f.Prize],
        MessageTrigger.Expiring => t["{0}: seus pontos vão vencer", f.BusinessName],
        MessageTrigger.Fading => t["{0}: sentimos sua falta", f.BusinessName],
        MessageTrigger.Birthday => t["{0}: feliz aniversário!", f.BusinessName],
        _ => f.BusinessName,
    };
}
