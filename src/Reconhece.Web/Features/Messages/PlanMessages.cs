using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// Plans the business's automatic messages (issue 23, docs/messages.md): for every trigger the owner turned
/// on, the customers its Ações list holds now get an outbox row for the occasion they stand for, with the
/// holdout drawn and stored on the row and the hour it may leave. Planning again finds the rows it made
/// (the key is customer, trigger and occasion) and adds only new occasions. The database checks again, in
/// the insert, that the customer may be messaged: not anonymised or blocked, not opted out.
/// </summary>
public sealed class PlanMessages(AppDbContext db, CurrentBusiness current, TimeProvider clock)
{
    public async Task<int> PlanAsync(Guid businessId, CancellationToken ct)
    {
        using var scope = current.Use(businessId);
        var business = await db.BusinessAsync(ct);
        var settings = business.Messages;
        var triggers = MessageTriggers.Planned.Where(settings.IsOn).ToList();
        if (triggers.Count == 0) return 0;

        var now = clock.GetUtcNow().UtcDateTime;
        var context = await AgendaContext.LoadAsync(db, ct);
        await AgendaQuery.RefreshRhythmsAsync(db, context.BusinessId, ct);
        var rows = await AgendaQuery.MembersAsync(db, context, triggers.Select(t => (int)MessageTriggers.List(t)).ToList(), now, ct);
        // "Quase lá" is once per approach to a gift: the gifts a customer had before this approach name it.
        var near = rows.Where(r => r.List == (int)AgendaList.NearGoal).Select(r => r.Id).ToList();
        var gifts = near.Count == 0 ? [] : await db.Recognitions.Where(r => near.Contains(r.CustomerId))
            .GroupBy(r => r.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var planned = new List<OutboxMessage>();
        foreach (var row in rows)
        {
            var trigger = MessageTriggers.For((AgendaList)row.List)!.Value;
            if (MessageTriggers.Occasion(trigger, row, gifts.GetValueOrDefault(row.Id), settings, context.ExpiryMonths, context.Zone, now) is not { } occasion) continue;
            planned.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(), BusinessId = businessId, CustomerId = row.Id, Trigger = trigger, Occasion = occasion,
                Status = Draw(settings),
                PlannedAt = now, DueAt = MessageTriggers.DueAt(trigger, row, settings, context.Zone, now),
            });
        }
        return planned.Count == 0 ? 0 : await InsertNewAsync(businessId, planned, now, ct);
    }

    /// <summary>
    /// "Enviar sozinho" on a group invitation (trigger Convite): a row per guest not yet contacted, once per
    /// invitation, with the holdout drawn as for every trigger. Returns how many were planned now (0 when
    /// it was planned before: a double tap plans once).
    /// </summary>
    public async Task<int> PlanInvitationAsync(Guid invitationId, CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        var settings = business.Messages;
        var now = clock.GetUtcNow().UtcDateTime;
        var guests = await db.InvitationGuests.Where(g => g.InvitationId == invitationId && g.ContactedAt == null).Select(g => g.CustomerId).ToListAsync(ct);
        var occasion = MessageTriggers.InvitationOccasion(invitationId);
        var due = MessageTriggers.SendableFrom(settings, business.Zone, now);
        var rows = guests.Select(customer => new OutboxMessage
        {
            Id = Guid.CreateVersion7(), BusinessId = business.Id, CustomerId = customer, Trigger = MessageTrigger.Invitation, Occasion = occasion,
            Status = Draw(settings), PlannedAt = now, DueAt = due,
        }).ToList();
        return rows.Count == 0 ? 0 : await InsertNewAsync(business.Id, rows, now, ct);
    }

    /// <summary>
    /// The holdout draw, for every trigger: made once, when the row is planned, and kept, so planning again
    /// never moves anyone in or out of the holdout.
    /// </summary>
    private static OutboxStatus Draw(MessageSettings settings) =>
        Random.Shared.Next(100) < settings.HoldoutPercent ? OutboxStatus.Holdout : OutboxStatus.Planned;

    /// <summary>One statement: the rows whose occasion is new, for customers who may still be messaged.</summary>
    private Task<int> InsertNewAsync(Guid businessId, List<OutboxMessage> rows, DateTime now, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var customers = rows.Select(r => r.CustomerId).ToArray();
        var triggers = rows.Select(r => (int)r.Trigger).ToArray();
        var occasions = rows.Select(r => r.Occasion).ToArray();
        var statuses = rows.Select(r => (int)r.Status).ToArray();
        var dues = rows.Select(r => r.DueAt).ToArray();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (business_id, id, customer_id, trigger, occasion, status, planned_at, due_at)
            SELECT {businessId}, x.id, x.customer_id, x.trigger, x.occasion, x.status, {now}, x.due_at
            FROM unnest({ids}, {customers}, {triggers}, {occasions}, {statuses}, {dues}) AS x(id, customer_id, trigger, occasion, status, due_at)
            JOIN customers c ON c.business_id = {businessId} AND c.id = x.customer_id
            WHERE c.anonymized_at IS NULL AND c.contact_opt_out_at IS NULL
            ON CONFLICT (business_id, customer_id, trigger, occasion) DO NOTHING
            """, ct);
    }
}
