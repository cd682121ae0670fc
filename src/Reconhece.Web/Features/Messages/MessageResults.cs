using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Promotions;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Messages;

/// <summary>A group's customers, those who bought within the window, and what they spent then (sum and sum of squares, for the interval).</summary>
public sealed record ReturnGroup(int Customers, int CameBack, decimal Revenue, decimal Squares)
{
    public double Rate => Customers == 0 ? 0 : (double)CameBack / Customers;
    public decimal RevenuePerCustomer => Customers == 0 ? 0 : Revenue / Customers;
}

/// <summary>One trigger's results: what the provider did with its messages, and the messaged against the holdout.</summary>
public sealed record TriggerResult(MessageTrigger Trigger, int Sent, int Delivered, int Read, int Failed, int Uncertain, int NoChannel,
    ReturnGroup Messaged, ReturnGroup Holdout)
{
    public bool LargeEnough => PromotionStats.LargeEnough(Messaged.CameBack, Messaged.Customers, Holdout.CameBack, Holdout.Customers);
    public Interval Lift => PromotionStats.RateDifference(Messaged.CameBack, Messaged.Customers, Holdout.CameBack, Holdout.Customers);
    public Interval RevenueLift => PromotionStats.MeanDifference((double)Messaged.Revenue, (double)Messaged.Squares, Messaged.Customers,
        (double)Holdout.Revenue, (double)Holdout.Squares, Holdout.Customers);
}

/// <summary>A message a crash or a lost answer left uncertain: it may have reached the customer, and is never sent again by itself.</summary>
public sealed record UncertainMessage(Guid CustomerId, string? Name, string Phone, MessageTrigger Trigger, DateTime? At);

public sealed record MessageResultsPage(int Days, int ConversionDays, IReadOnlyList<TriggerResult> Triggers, int WhatsAppThisMonth, decimal? PricePerMessage,
    bool WhatsAppPaused, IReadOnlyList<UncertainMessage> Uncertain, TimeZoneInfo Zone)
{
    public decimal? MonthCost => PricePerMessage is { } price ? price * WhatsAppThisMonth : null;
}

/// <summary>
/// Whether each trigger brought anyone back (docs/messages.md): the customers messaged against the holdout
/// drawn with them, both measured over the owner's window (Ações' "dias para contar a volta") from the
/// moment the message left, or would have. Only a row whose window has closed counts, and only reachable
/// customers are compared: a holdout customer without e-mail, when the trigger has no WhatsApp template,
/// could not have been messaged, so counting them would flatter the message. The lift and its
/// Newcombe–Wilson interval are ../shared/DOMAIN.md's, through PromotionStats.
/// </summary>
public sealed class MessageResults(AppDbContext db, TimeProvider clock)
{
    /// <summary>The rows planned in this many days are measured.</summary>
    public const int Days = 90;

    /// <summary>The uncertain messages listed on the page, the latest first.</summary>
    public const int UncertainShown = 50;

    private sealed record Tally(int Trigger, bool Held, int Customers, int CameBack, decimal Revenue, decimal Squares);

    private sealed record Counts(int Trigger, int Sent, int Delivered, int Read, int Failed, int Uncertain, int NoChannel);

    public async Task<MessageResultsPage> LoadAsync(CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-Days);
        var window = business.Agenda.ConversionDays;
        var whatsAppTriggers = business.WhatsApp.IsActive ? (await db.WhatsAppTemplates.Select(x => (int)x.Trigger).ToListAsync(ct)).ToArray() : [];
        var tallies = await db.Database.SqlQuery<Tally>($"""
            WITH r AS (
                SELECT o.trigger, o.status = {(int)OutboxStatus.Holdout} AS held, o.customer_id,
                       CASE WHEN o.status = {(int)OutboxStatus.Holdout} THEN o.due_at ELSE o.sending_at END AS start
                FROM outbox_messages o
                JOIN customers c ON c.business_id = o.business_id AND c.id = o.customer_id
                WHERE o.business_id = {business.Id} AND o.planned_at >= {since}
                  AND (o.status IN ({(int)OutboxStatus.Sent}, {(int)OutboxStatus.Failed}, {(int)OutboxStatus.Uncertain})
                       OR (o.status = {(int)OutboxStatus.Holdout}
                           -- The sender's channel rule (SendMessages): a template on an active number, or an e-mail address not unsubscribed.
                           AND ((c.email <> '' AND c.email_opt_out_at IS NULL) OR o.trigger = ANY({whatsAppTriggers})))))
            SELECT r.trigger, r.held, count(*)::int AS customers, count(b.spent)::int AS came_back,
                   COALESCE(sum(b.spent), 0) AS revenue, COALESCE(sum(b.spent * b.spent), 0) AS squares
            FROM r
            LEFT JOIN LATERAL (
                SELECT sum(COALESCE(p.amount, 0)) AS spent FROM purchases p
                WHERE p.business_id = {business.Id} AND p.customer_id = r.customer_id AND p.reversed_at IS NULL
                  AND p.at > r.start AND p.at <= r.start + make_interval(days => {window})
                HAVING count(*) > 0) b ON true
            WHERE r.start + make_interval(days => {window}) <= {now}
            GROUP BY r.trigger, r.held
            """).ToListAsync(ct);
        var counts = await db.Database.SqlQuery<Counts>($"""
            SELECT trigger, count(*) FILTER (WHERE status = {(int)OutboxStatus.Sent})::int AS sent,
                   count(delivered_at)::int AS delivered, count(read_at)::int AS read,
                   count(*) FILTER (WHERE status = {(int)OutboxStatus.Failed})::int AS failed,
                   count(*) FILTER (WHERE status = {(int)OutboxStatus.Uncertain})::int AS uncertain,
                   count(*) FILTER (WHERE status = {(int)OutboxStatus.NoChannel})::int AS no_channel
            FROM outbox_messages WHERE business_id = {business.Id} AND planned_at >= {since}
            GROUP BY trigger
            """).ToListAsync(ct);
        var today = Periods.LocalDay(now, business.Zone);
        var monthStart = TimeZoneInfo.ConvertTimeToUtc(new DateTime(today.Year, today.Month, 1), business.Zone);
        var whatsAppThisMonth = await db.OutboxMessages.CountAsync(m => m.Channel == MessageChannel.WhatsApp && m.SentAt >= monthStart &&
            (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed), ct);

        ReturnGroup Group(MessageTrigger trigger, bool held) => tallies.FirstOrDefault(x => x.Trigger == (int)trigger && x.Held == held) is { } x
            ? new ReturnGroup(x.Customers, x.CameBack, x.Revenue, x.Squares) : new ReturnGroup(0, 0, 0, 0);
        var rows = SendMessages.ByValue
            .Where(trigger => business.Messages.IsOn(trigger) || counts.Any(c => c.Trigger == (int)trigger))
            .Select(trigger =>
            {
                var c = counts.FirstOrDefault(c => c.Trigger == (int)trigger) ?? new Counts((int)trigger, 0, 0, 0, 0, 0, 0);
                return new TriggerResult(trigger, c.Sent, c.Delivered, c.Read, c.Failed, c.Uncertain, c.NoChannel, Group(trigger, false), Group(trigger, true));
            })
            .ToList();
        // Decision 009: the owner can read the uncertain ones (the latest first), to ask the customer if need be.
        var uncertain = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Uncertain && m.PlannedAt >= since).OrderByDescending(m => m.SendingAt).Take(UncertainShown)
            .Join(db.Customers, m => m.CustomerId, c => c.Id, (m, c) => new UncertainMessage(c.Id, c.Name, c.Phone, m.Trigger, m.SendingAt)).ToListAsync(ct);
        return new MessageResultsPage(Days, window, rows, whatsAppThisMonth, business.WhatsApp.PricePerMessage, business.WhatsApp.PausedAt is not null,
            uncertain, business.Zone);
    }

    /// <summary>
    /// The weekly email's lines: a paused WhatsApp first, then one line per trigger turned on (or with
    /// messages in the period): how many went, and the verdict.
    /// </summary>
    public async Task<IReadOnlyList<string>> WeeklyLinesAsync(IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        // Most businesses never turn a message on: one indexed look, not the page's five queries, in each weekly run.
        var business = await db.BusinessAsync(ct);
        if (business.Messages.EnabledTriggers == 0 && business.WhatsApp.PausedAt is null && !await db.OutboxMessages.AnyAsync(ct)) return [];
        return WeeklyLines(await LoadAsync(ct), t);
    }

    public static IReadOnlyList<string> WeeklyLines(MessageResultsPage page, IStringLocalizer<SharedResource> t)
    {
        var lines = new List<string>();
        if (page.WhatsAppPaused)
            lines.Add(t["WhatsApp pausado: a Meta recusou o token de acesso. Salve um token novo em Ações › Mensagens automáticas › WhatsApp."]);
        foreach (var r in page.Triggers)
            lines.Add(t.Plural(r.Sent, "{0}: {1} enviada em {2} dias. {3}", "{0}: {1} enviadas em {2} dias. {3}",
                Agenda.AgendaLists.Title(MessageTriggers.List(r.Trigger), t), Format.Points(r.Sent), page.Days, Verdict(r, t)));
        return lines;
    }

    /// <summary>The plain-words verdict, first on the page and the weekly email's line: thin data says so.</summary>
    public static string Verdict(TriggerResult r, IStringLocalizer<SharedResource> t)
    {
        if (r.Messaged.Customers == 0)
            return t["Ainda não há resultado: os primeiros envios precisam completar o prazo para contar a volta."];
        var line = t["Dos que receberam, {0} de {1} voltaram ({2}); do grupo de controle, {3} de {4} ({5}).",
            r.Messaged.CameBack, r.Messaged.Customers, PromotionText.Percent(r.Messaged.Rate),
            r.Holdout.CameBack, r.Holdout.Customers, PromotionText.Percent(r.Holdout.Rate)].Value;
        if (!r.LargeEnough)
            return t["Ainda é pouco para saber se esta mensagem traz clientes de volta."] + " " + line;
        var lift = r.Lift;
        if (!lift.ExcludesZero)
            return t["Não dá para dizer que esta mensagem faz diferença."] + " " + line;
        return (lift.Estimate > 0 ? t["Esta mensagem traz clientes de volta."] : t["Quem recebeu esta mensagem voltou menos que o grupo de controle."]) + " " + line;
    }
}
