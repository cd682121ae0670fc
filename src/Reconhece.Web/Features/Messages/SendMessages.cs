using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Email;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// Sends the business's due outbox rows (issue 23; decision 009; docs/messages.md): inside the sending hours
/// and the daily limit, claimed with SKIP LOCKED and committed as "enviando" before any provider is called,
/// "enviado" once it accepted. A row left "enviando" by a crash becomes "incerto" and is never retried by
/// itself. The frequency cap holds per customer across every trigger; when two are due together the more
/// valuable one goes and the other waits a day. A trigger with an approved template goes by WhatsApp while
/// the number is active; otherwise by e-mail, with its one-click unsubscribe; otherwise it stays in Ações.
/// Each message the provider accepted is logged as an "automático" contact, so the Ações results count it.
/// </summary>
public sealed class SendMessages(AppDbContext db, CurrentBusiness current, TimeProvider clock, IEmailSender mail, AutomaticEmail emails,
    WhatsAppCloud whatsApp, WhatsAppTokens tokens, IOptions<WhatsAppOptions> whatsAppOptions, Cards.CardLinks cards, UnsubscribeLinks unsubscribe,
    IStringLocalizer<SharedResource> t, ILogger<SendMessages> log)
{
    public const int Batch = 50;

    /// <summary>A message refused this many times without a verdict (not a rate limit) fails for good.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Longer than any SMTP conversation or Graph API call (their timeouts are seconds): a row "enviando" this long was left by a crash.</summary>
    public static readonly TimeSpan UncertainAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Longer than any batch can take (50 calls of at most 30 s): a row still "claimed" this long was held by
    /// a sender that died before calling anything for it, and is planned again.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromHours(1);

    /// <summary>One run sends for at most this long per business, so a big business never holds back the others for a whole run.</summary>
    public static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(2);

    /// <summary>When two messages for one customer are due together, the first of this list goes (the owner's page lists them so too).</summary>
    public static readonly MessageTrigger[] ByValue =
        [MessageTrigger.Invitation, MessageTrigger.GoalReached, MessageTrigger.Expiring, MessageTrigger.Fading, MessageTrigger.NearGoal,
         MessageTrigger.Birthday, MessageTrigger.Welcome];

    private sealed record Claimed(Guid Id, Guid CustomerId, int Trigger, string Occasion, int Attempts);

    public async Task<int> SendDueAsync(Guid businessId, CancellationToken ct)
    {
        using var scope = current.Use(businessId);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.SendingAt < now - UncertainAfter)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Uncertain), ct);
        await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Claimed && m.SendingAt < now - ClaimLease)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Planned).SetProperty(m => m.SendingAt, (DateTime?)null).SetProperty(m => m.ClaimId, (Guid?)null), ct);
        var business = await db.BusinessAsync(ct);
        var settings = business.Messages;
        var hour = TimeZoneInfo.ConvertTimeFromUtc(now, business.Zone).Hour;
        if (hour < settings.SendFromHour || hour >= settings.SendUntilHour) return 0;

        var token = business.WhatsApp.IsActive ? tokens.Unprotect(business.WhatsApp.ProtectedToken) : null;
        // The templates are read once per run, not once per batch.
        var channel = new Channel(token, business.WhatsApp.PhoneNumberId, new Pace(whatsAppOptions.Value.MessagesPerSecond),
            token is null ? [] : await db.WhatsAppTemplates.AsNoTracking().ToDictionaryAsync(x => x.Trigger, ct));
        var sent = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < RunBudget)
        {
            var left = settings.DailyLimit - await SentTodayAsync(db, business, now, ct);
            if (left <= 0) break;
            var claim = Guid.NewGuid();
            var claimed = await ClaimAsync(businessId, claim, now, Math.Min(Batch, left), ct);
            if (claimed.Count == 0) break;
            var (count, stop) = await SendBatchAsync(business, claim, claimed, channel, now, ct);
            sent += count;
            if (stop || claimed.Count < Batch) break;
        }
        return sent;
    }

    /// <summary>What left today (local day), or may have: the daily limit counts every attempt that reached a provider.</summary>
    public static Task<int> SentTodayAsync(AppDbContext db, BusinessContext business, DateTime utcNow, CancellationToken ct)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(Periods.LocalDay(utcNow, business.Zone).ToDateTime(TimeOnly.MinValue), business.Zone);
        return db.OutboxMessages.CountAsync(m => m.SendingAt >= start && (m.Status == OutboxStatus.Claimed ||
            m.Status == OutboxStatus.Sending || m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Uncertain || m.Status == OutboxStatus.Failed), ct);
    }

    /// <summary>
    /// A batch claimed in one statement, under this sender's claim id; each row is then recorded as
    /// "enviando" on its own, just before its provider is called, so a crash leaves at most the one in
    /// flight uncertain and the rest of the batch is planned again after the lease. The due rows are picked
    /// in a CTE, which PostgreSQL runs once: as an IN (subquery) the planner may rescan it per row, and each
    /// rescan after an update can pick other rows, so LIMIT would not bound the claim.
    /// </summary>
    private Task<List<Claimed>> ClaimAsync(Guid businessId, Guid claim, DateTime now, int limit, CancellationToken ct) =>
        db.Database.SqlQuery<Claimed>($"""
            WITH due AS (
                SELECT id FROM outbox_messages WHERE business_id = {businessId} AND status = {(int)OutboxStatus.Planned} AND due_at <= {now}
                ORDER BY due_at, id LIMIT {limit} FOR UPDATE SKIP LOCKED)
            UPDATE outbox_messages o SET status = {(int)OutboxStatus.Claimed}, sending_at = {now}, claim_id = {claim}
            FROM due WHERE o.business_id = {businessId} AND o.id = due.id
            RETURNING o.id, o.customer_id, o.trigger, o.occasion, o.attempts
            """).ToListAsync(ct);

    private sealed class Channel(string? token, string? phoneNumberId, Pace pace, Dictionary<MessageTrigger, WhatsAppTemplate> templates)
    {
        /// <summary>Null when WhatsApp is off, or once Meta answered 190 in this run.</summary>
        public string? Token { get; set; } = token;
        public string? PhoneNumberId { get; } = phoneNumberId;
        public Pace Pace { get; } = pace;
        public Dictionary<MessageTrigger, WhatsAppTemplate> Templates { get; } = templates;
    }

    /// <summary>Sends one claimed batch; stop: a rate limit on the number, so the rest waits for the back-off.</summary>
    private async Task<(int Sent, bool Stop)> SendBatchAsync(BusinessContext business, Guid claim, List<Claimed> claimed, Channel channel, DateTime now, CancellationToken ct)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        // The batch's customers and their sends of the last 30 days, read once for the batch, not once per customer.
        var ids = claimed.Select(c => c.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.Name, x.Phone, x.Email, x.Balance, x.CardGeneration, x.EmailOptOutAt, x.ContactOptOutAt, x.AnonymizedAt }).ToDictionaryAsync(x => x.Id, ct);
        var sentBefore = (await db.OutboxMessages.Where(m => ids.Contains(m.CustomerId) && m.Status == OutboxStatus.Sent && m.SentAt > now.AddDays(-30))
            .Select(m => new { m.CustomerId, SentAt = m.SentAt!.Value }).ToListAsync(ct)).ToLookup(m => m.CustomerId, m => m.SentAt);
        var invitationIds = claimed.Select(c => MessageTriggers.InvitationOf(c.Occasion)).OfType<Guid>().Distinct().ToList();
        var invitations = invitationIds.Count == 0 ? [] : await db.GroupInvitations.AsNoTracking().Where(i => invitationIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        var sent = 0;
        var groups = claimed.GroupBy(c => c.CustomerId).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var rows = groups[g].OrderBy(c => Array.IndexOf(ByValue, (MessageTrigger)c.Trigger)).ToList();
            var c = customers[groups[g].Key];
            if (c.AnonymizedAt is not null || c.ContactOptOutAt is not null)
            {
                await SetAsync(rows.Select(r => r.Id), OutboxStatus.Cancelled, ct);
                continue;
            }
            var recent = sentBefore[groups[g].Key].ToList();
            var capped = recent.Count(at => at > now.AddDays(-3)) >= business.Messages.MaxPerThreeDays || recent.Count >= business.Messages.MaxPerThirtyDays;
            var row = rows[0];
            var wait = rows.Skip(capped ? 0 : 1).Select(r => r.Id).ToList();
            if (wait.Count > 0)
                // Over the cap, or a less valuable one due together: back to planned, checked again tomorrow.
                await ReleaseAsync(wait, now.AddDays(1), ct);
            if (capped) continue;

            var trigger = (MessageTrigger)row.Trigger;
            var invitation = MessageTriggers.InvitationOf(row.Occasion) is { } invitationId ? invitations.GetValueOrDefault(invitationId) : null;
            if (trigger == MessageTrigger.Invitation && invitation is null)
            {
                // The invitation was deleted after it was planned.
                await SetAsync([row.Id], OutboxStatus.Cancelled, ct);
                continue;
            }
            var fields = new MessageFields(c.Name, context.BusinessName, c.Balance, context.Goal, context.Prize, cards.Url(business.Id, c.Id, c.CardGeneration));
            var text = invitation is not null
                ? GroupInvitations.MessageFor(invitation, c.Name, c.Balance, context, fields.Card)
                : Invitation.Render(AgendaLists.TemplateFor(MessageTriggers.List(trigger), context, t), fields);
            Expiry? expiry = null;
            if (trigger == MessageTrigger.Expiring)
            {
                // The amount and the date, as they stand now: points spent since planning leave nothing to warn about.
                expiry = await ExpiryAsync(business, context.ExpiryMonths, c.Id, now, ct);
                if (expiry is null)
                {
                    await SetAsync([row.Id], OutboxStatus.Cancelled, ct);
                    continue;
                }
                text = t.Plural(expiry.Points, "{0} ponto vence em {1}.", "{0} pontos vencem em {1}.", Format.Points(expiry.Points),
                    expiry.On.ToString("dd/MM/yyyy", Format.PtBr)) + "\n" + text;
            }

            if (channel.Token is not null && channel.Templates.TryGetValue(trigger, out var template))
            {
                await channel.Pace.WaitAsync(ct);
                if (!await StartSendingAsync(row.Id, claim, ct)) continue;
                var answer = await whatsApp.SendTemplateAsync(channel.PhoneNumberId!, channel.Token, c.Phone, template.Name, template.Language,
                    template.ParameterList.Select(p => WhatsAppParameters.Fill(p, fields, text, expiry)).ToList(), ct);
                switch (answer.Outcome)
                {
                    case WhatsAppOutcome.Accepted:
                        await MarkSentAsync(business.Id, row, MessageChannel.WhatsApp, answer.MessageId, invitation?.Id, ct);
                        sent++;
                        break;
                    case WhatsAppOutcome.RateLimited:
                        // The number's throughput: this one backs off (doubling), and the rest of the batch waits as long.
                        var later = await RetryLaterAsync(row, answer.ErrorCode, now, ct);
                        await ReleaseAsync(groups.Skip(g + 1).SelectMany(x => x).Select(x => x.Id).ToList(), later, ct);
                        return (sent, true);
                    case WhatsAppOutcome.RecipientRateLimited:
                        await RetryLaterAsync(row, answer.ErrorCode, now, ct);
                        break;
                    case WhatsAppOutcome.Rejected:
                        await FailAsync(row.Id, answer.ErrorCode, ct);
                        break;
                    case WhatsAppOutcome.TokenInvalid:
                        // Meta's 190: nothing more by WhatsApp until the owner enters a new token; this one is tried again by e-mail or stays in Ações.
                        await PauseWhatsAppAsync(now, ct);
                        channel.Token = null;
                        await ReleaseAsync([row.Id], now, ct);
                        break;
                    case WhatsAppOutcome.NotSent when row.Attempts + 1 >= MaxAttempts:
                        await FailAsync(row.Id, answer.ErrorCode, ct);
                        break;
                    case WhatsAppOutcome.NotSent:
                        await RetryLaterAsync(row, answer.ErrorCode, now, ct, TimeSpan.FromMinutes(15));
                        break;
                    default:
                        // The request left and no answer came: it may have been delivered, so it is never sent again by itself.
                        await SetAsync([row.Id], OutboxStatus.Uncertain, ct);
                        break;
                }
                continue;
            }

            if (string.IsNullOrEmpty(c.Email) || c.EmailOptOutAt is not null)
            {
                await SetAsync([row.Id], OutboxStatus.NoChannel, ct);
                continue;
            }
            var message = emails.Compose(row.Id, emails.Subject(trigger, fields, invitation?.Occasion), c.Email, context.BusinessName, text, unsubscribe.Url(business.Id, c.Id));
            if (!await StartSendingAsync(row.Id, claim, ct)) continue;
            try
            {
                await mail.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Refused before the server accepted it: planned again, tried in 15 minutes.
                log.LogWarning(e, "Automatic e-mail {OutboxId} was refused", row.Id);
                await RetryLaterAsync(row, null, now, ct, TimeSpan.FromMinutes(15));
                continue;
            }
            await MarkSentAsync(business.Id, row, MessageChannel.Email, null, invitation?.Id, ct);
            sent++;
        }
        return (sent, false);
    }

    private sealed record ExpiringRow(decimal Points, DateTime OldestCountsFrom);

    /// <summary>The customer's points that expire within the owner's N days (the same expiring_points as the daily job and Ações), or null.</summary>
    private async Task<Expiry?> ExpiryAsync(BusinessContext business, int? months, Guid customer, DateTime now, CancellationToken ct)
    {
        if (months is not { } m) return null;
        var countedBy = now.AddDays(business.Messages.ExpiringDaysBefore).AddMonths(-m);
        var row = (await db.Database.SqlQuery<ExpiringRow>($"SELECT points, oldest_counts_from FROM expiring_points({business.Id}, {countedBy}, {customer})")
            .ToListAsync(ct)).FirstOrDefault();
        return row is null || row.Points <= 0 ? null : new Expiry(row.Points, Periods.LocalDay(row.OldestCountsFrom.AddMonths(m), business.Zone));
    }

    /// <summary>
    /// "Enviando", committed before the provider is called; false when this sender no longer holds the row
    /// (its claim lapsed and it was planned again), and then it is left alone.
    /// </summary>
    private async Task<bool> StartSendingAsync(Guid id, Guid claim, CancellationToken ct) =>
        await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Claimed && m.ClaimId == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.SendingAt, clock.GetUtcNow().UtcDateTime), ct) == 1;

    /// <summary>
    /// Sent, and logged in the same statement as an "automático" contact of the trigger's Ações list (the
    /// outbox id is its key, so it is logged once); an invitation's guest is marked contacted too.
    /// </summary>
    private Task<int> MarkSentAsync(Guid businessId, Claimed row, MessageChannel channel, string? providerId, Guid? invitationId, CancellationToken ct)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var list = (int)MessageTriggers.List((MessageTrigger)row.Trigger);
        // Recorded even when the caller is cancelled: the provider accepted it.
        return db.Database.ExecuteSqlAsync($"""
            WITH s AS (
                UPDATE outbox_messages SET status = {(int)OutboxStatus.Sent}, sent_at = {at}, channel = {(int)channel}, provider_id = {providerId}, error_code = NULL
                WHERE business_id = {businessId} AND id = {row.Id} RETURNING customer_id),
            guest AS (
                UPDATE invitation_guests SET contacted_at = {at}
                WHERE business_id = {businessId} AND invitation_id = {invitationId} AND customer_id IN (SELECT customer_id FROM s) AND contacted_at IS NULL)
            INSERT INTO contacts (id, business_id, customer_id, user_id, list, channel, at, idempotency_key)
            SELECT {Guid.CreateVersion7()}, {businessId}, customer_id, NULL, {list}, {(int)ContactChannel.Automatic}, {at}, {row.Id} FROM s
            ON CONFLICT DO NOTHING
            """, CancellationToken.None);
    }

    /// <summary>Back to planned after a refusal, later each time: <paramref name="first"/> (1 minute by default), doubling per attempt up to 64 times it.</summary>
    private async Task<DateTime> RetryLaterAsync(Claimed row, int? code, DateTime now, CancellationToken ct, TimeSpan? first = null)
    {
        var due = now + (first ?? TimeSpan.FromMinutes(1)) * (1 << Math.Min(row.Attempts, 6));
        await db.OutboxMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Planned).SetProperty(m => m.SendingAt, (DateTime?)null).SetProperty(m => m.ClaimId, (Guid?)null)
            .SetProperty(m => m.DueAt, due).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.ErrorCode, code), ct);
        return due;
    }

    private Task<int> ReleaseAsync(List<Guid> ids, DateTime due, CancellationToken ct) =>
        ids.Count == 0 ? Task.FromResult(0) : db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Planned).SetProperty(m => m.SendingAt, (DateTime?)null).SetProperty(m => m.ClaimId, (Guid?)null)
            .SetProperty(m => m.DueAt, due), ct);

    private Task<int> FailAsync(Guid id, int? code, CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.ErrorCode, code), ct);

    private Task<int> PauseWhatsAppAsync(DateTime now, CancellationToken ct)
    {
        log.LogWarning("WhatsApp answered 190 (token expired or invalid) for business {BusinessId}: the channel is paused", current.RequiredId);
        return db.Database.ExecuteSqlAsync($"UPDATE businesses SET whatsapp_paused_at = {now} WHERE id = {current.RequiredId} AND whatsapp_paused_at IS NULL", ct);
    }

    private Task<int> SetAsync(IEnumerable<Guid> ids, OutboxStatus status, CancellationToken ct)
    {
        var list = ids.ToList();
        return db.OutboxMessages.Where(m => list.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status), ct);
    }

    /// <summary>
    /// Paces the calls to one number at the documented throughput (80 per second by default): each call
    /// waits until 1/80 s after the one before. A pause (loading the next batch) is never made up with a
    /// burst, which Meta would answer with 130429.
    /// </summary>
    private sealed class Pace(int perSecond)
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly TimeSpan _interval = TimeSpan.FromSeconds(1.0 / Math.Max(1, perSecond));
        private TimeSpan _next = TimeSpan.Zero;

        public async Task WaitAsync(CancellationToken ct)
        {
            var now = _watch.Elapsed;
            if (_next > now) await Task.Delay(_next - now, ct);
            else _next = now;
            _next += _interval;
        }
    }
}
