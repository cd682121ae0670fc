using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Agenda;

public sealed class InvitationInput
{
    public string? Occasion { get; set; }
    public string? OccasionDate { get; set; }
    public InvitationAudience Audience { get; set; } = InvitationAudience.ClassA;
    public string? RecentDays { get; set; }
    /// <summary>The segment's slug, for <see cref="InvitationAudience.Segment"/>.</summary>
    public string? Segment { get; set; }
    public string? Message { get; set; }
    public Guid IdempotencyKey { get; set; }
}

public sealed record GuestRow(Guid CustomerId, string? Name, string Phone, decimal Balance, DateTime? ContactedAt, bool Came, int CardGeneration);

/// <summary>
/// Group invitations (events, launches, pre-sales): the owner names the occasion and its date and picks
/// a group; the guests are fixed then, never with a customer who does not want contact. The page gives
/// one WhatsApp link per guest and a CSV for a broadcast list; contacts are logged per tap or all at once;
/// attendance is who bought on the occasion's date.
/// </summary>
public sealed class GroupInvitations(AppDbContext db, CurrentBusiness current, TimeProvider clock, IStringLocalizer<SharedResource> t, Segments.RecomputeSegments segments)
{
    public const int PageSize = 50;
    public static readonly string[] ExtraPlaceholders = ["{ocasiao}", "{data}"];

    public string DefaultMessage => t["Olá, {nome}! {negocio} convida você: {ocasiao}, em {data}. Esperamos você! Seu cartão: {cartao}"];

    public async Task<FormResult<Guid>> CreateAsync(InvitationInput input, Guid userId, CancellationToken ct)
    {
        var errors = new FormErrors();
        var occasion = input.Occasion?.Trim() ?? "";
        if (occasion.Length == 0) errors.Add(nameof(input.Occasion), t["Dê um nome à ocasião. Ex.: Lançamento do sabor de pistache."]);
        else if (occasion.Length > GroupInvitation.OccasionMaxLength) errors.Add(nameof(input.Occasion), t["Use no máximo {0} caracteres.", GroupInvitation.OccasionMaxLength]);
        if (!DateOnly.TryParseExact(input.OccasionDate?.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], Format.PtBr, DateTimeStyles.None, out var date))
            errors.Add(nameof(input.OccasionDate), t["Informe a data no formato dd/mm/aaaa."]);
        int? recentDays = null;
        if (!Enum.IsDefined(input.Audience)) errors.Add(nameof(input.Audience), t["Escolha um grupo."]);
        else if (input.Audience == InvitationAudience.RecentBuyers)
        {
            if (int.TryParse(input.RecentDays?.Trim(), out var days) && days is >= 1 and <= 365) recentDays = days;
            else errors.Add(nameof(input.RecentDays), t["Informe um número de dias de 1 a 365."]);
        }
        RfvSegment? segment = null;
        if (input.Audience == InvitationAudience.Segment && (segment = Segments.SegmentLabels.FromSlug(input.Segment)) is null)
            errors.Add(nameof(input.Segment), t["Escolha o segmento."]);
        var message = string.IsNullOrWhiteSpace(input.Message) ? DefaultMessage : input.Message.Trim();
        if (message.Length > AgendaSettings.TemplateMaxLength) errors.Add(nameof(input.Message), t["Use no máximo {0} caracteres.", AgendaSettings.TemplateMaxLength]);
        else if (UnknownPlaceholders(message) is { Count: > 0 } unknown)
            errors.Add(nameof(input.Message), t["Marcador desconhecido: {0}. Use {1}.", string.Join(", ", unknown), "{nome}, {negocio}, {ocasiao}, {data}, {cartao}"]);
        if (input.IdempotencyKey == Guid.Empty) errors.Add("", t["O formulário expirou. Recarregue a página e tente de novo."]);
        if (errors.Any) return errors.ToResult<Guid>();

        var existing = await db.GroupInvitations.Where(i => i.IdempotencyKey == input.IdempotencyKey).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        if (existing is { } replay) return FormResult.Ok(replay);
        var now = clock.GetUtcNow().UtcDateTime;
        var guests = await AudienceAsync(input.Audience, recentDays, segment, now, ct);
        var invitation = new GroupInvitation
        {
            Id = Guid.CreateVersion7(), BusinessId = current.RequiredId, Occasion = occasion, OccasionDate = date, Audience = input.Audience,
            RecentDays = recentDays, Segment = segment, Message = message, UserId = userId, CreatedAt = now, IdempotencyKey = input.IdempotencyKey,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.GroupInvitations.Add(invitation);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // A twin tap got there first: show what it made.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return FormResult.Ok(await db.GroupInvitations.Where(i => i.IdempotencyKey == input.IdempotencyKey).Select(i => i.Id).SingleAsync(ct));
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO invitation_guests (business_id, invitation_id, customer_id)
            SELECT {invitation.BusinessId}, {invitation.Id}, unnest({guests.ToArray()})
            """, ct);
        await tx.CommitAsync(ct);
        return FormResult.Ok(invitation.Id);
    }

    /// <summary>"Contato feito" on a guest: logged once (a second tap finds it done).</summary>
    public async Task<bool?> MarkContactedAsync(Guid invitationId, Guid customerId, Guid userId, CancellationToken ct)
    {
        if (!await db.InvitationGuests.AnyAsync(g => g.InvitationId == invitationId && g.CustomerId == customerId, ct)) return null;
        return await MarkAsync(invitationId, customerId, userId, ct) > 0;
    }

    /// <summary>"Marcar todos como contatados", after the owner confirmed it: returns how many were marked now.</summary>
    public Task<int> MarkAllContactedAsync(Guid invitationId, Guid userId, CancellationToken ct) => MarkAsync(invitationId, null, userId, ct);

    private async Task<int> MarkAsync(Guid invitationId, Guid? customerId, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var business = current.RequiredId;
        // One statement: mark the guests not yet contacted (and still accepting contact) and log a contact each.
        // ToListAsync, not SingleAsync: composing would wrap the data-modifying WITH in a subquery, which PostgreSQL refuses.
        var counted = await db.Database.SqlQuery<int>($"""
            WITH marked AS (
                UPDATE invitation_guests g SET contacted_at = {now}
                WHERE g.business_id = {business} AND g.invitation_id = {invitationId} AND g.contacted_at IS NULL
                  AND ({customerId}::uuid IS NULL OR g.customer_id = {customerId})
                  AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.business_id = g.business_id AND c.id = g.customer_id AND c.contact_opt_out_at IS NOT NULL)
                RETURNING g.customer_id),
            logged AS (
                INSERT INTO contacts (id, business_id, customer_id, user_id, list, channel, at, idempotency_key)
                SELECT gen_random_uuid(), {business}, customer_id, {userId}, {(int)AgendaList.Group}, {(int)ContactChannel.WhatsApp}, {now}, gen_random_uuid()
                FROM marked RETURNING 1)
            SELECT count(*)::int AS "Value" FROM logged
            """).ToListAsync(ct);
        return counted.Single();
    }

    /// <summary>The guests, a page at a time, with whether each bought on the occasion's date.</summary>
    public async Task<(List<GuestRow> Rows, int Total, int Contacted, int Came)> GuestsAsync(GroupInvitation invitation, TimeZoneInfo zone, int page, CancellationToken ct)
    {
        var (from, to) = DayInUtc(invitation.OccasionDate, zone);
        var guests = db.InvitationGuests.Where(g => g.InvitationId == invitation.Id)
            .Join(db.Customers, g => g.CustomerId, c => c.Id, (g, c) => new
            {
                g.CustomerId, c.Name, c.Phone, c.Balance, g.ContactedAt, c.ContactOptOutAt, c.CardGeneration,
                Came = db.Purchases.Any(p => p.CustomerId == g.CustomerId && p.ReversedAt == null && p.At >= from && p.At < to),
            });
        var total = await guests.CountAsync(ct);
        var contacted = await guests.CountAsync(g => g.ContactedAt != null, ct);
        var came = await guests.CountAsync(g => g.Came, ct);
        var rows = await guests.OrderBy(g => g.Name).ThenBy(g => g.Phone).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(g => new GuestRow(g.CustomerId, g.Name, g.Phone, g.Balance, g.ContactedAt, g.Came, g.CardGeneration)).ToListAsync(ct);
        return (rows, total, contacted, came);
    }

    /// <summary>Names and phones for a WhatsApp broadcast list: UTF-8 with BOM and ";" (a pt-BR spreadsheet opens it as columns), formula-safe.</summary>
    public async Task<byte[]> CsvAsync(Guid invitationId, CancellationToken ct)
    {
        var rows = await db.InvitationGuests.Where(g => g.InvitationId == invitationId)
            .Join(db.Customers.Where(c => c.ContactOptOutAt == null), g => g.CustomerId, c => c.Id, (g, c) => new { c.Name, c.Phone })
            .OrderBy(r => r.Name).ThenBy(r => r.Phone).ToListAsync(ct);
        using var stream = new MemoryStream();
        using (var csv = PtBrCsv.Writer(stream))
        {
            csv.WriteField(t["Nome"].Value);
            csv.WriteField(t["Celular"].Value);
            csv.EndRecord();
            foreach (var r in rows)
            {
                csv.WriteField(r.Name ?? "");
                // "(11) 98765-4321": readable, kept as text by a spreadsheet, and no formula prefix ("+55…" would be escaped).
                csv.WriteField(Format.Phone(r.Phone));
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>The message for one guest: the occasion and its date, then the usual placeholders.</summary>
    public static string MessageFor(GroupInvitation invitation, string? name, decimal balance, AgendaContext context, string? card = null) =>
        Invitation.Render(invitation.Message
            .Replace("{ocasiao}", invitation.Occasion, StringComparison.OrdinalIgnoreCase)
            .Replace("{data}", invitation.OccasionDate.ToString("dd/MM", Format.PtBr), StringComparison.OrdinalIgnoreCase),
            new MessageFields(name, context.BusinessName, balance, context.Goal, context.Prize, card));

    private static List<string> UnknownPlaceholders(string message) =>
        Invitation.UnknownPlaceholders(message).Where(p => !ExtraPlaceholders.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();

    private static (DateTime From, DateTime To) DayInUtc(DateOnly day, TimeZoneInfo zone) =>
        (TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));

    /// <summary>The customers of the group now, never one who does not want contact nor one held out of a promotion.</summary>
    private async Task<List<Guid>> AudienceAsync(InvitationAudience audience, int? recentDays, RfvSegment? segment, DateTime now, CancellationToken ct)
    {
        var group = await GroupAsync(audience, recentDays, segment, now, ct);
        var heldOut = await Promotions.ControlGroups.HeldOut(db, now).ToListAsync(ct);
        return heldOut.Count == 0 ? group : group.Except(heldOut).ToList();
    }

    private async Task<List<Guid>> GroupAsync(InvitationAudience audience, int? recentDays, RfvSegment? segment, DateTime now, CancellationToken ct)
    {
        var open = db.Customers.Where(c => c.ContactOptOutAt == null);
        switch (audience)
        {
            case InvitationAudience.Eligible:
                var goal = (await db.BusinessAsync(ct)).Program.Goal;
                return await open.Where(c => goal > 0 && c.EligibleSince != null).Select(c => c.Id).ToListAsync(ct);
            case InvitationAudience.RecentBuyers:
                var since = now.AddDays(-recentDays!.Value);
                return await open.Where(c => c.LastPurchaseAt >= since).Select(c => c.Id).ToListAsync(ct);
            case InvitationAudience.Segment:
                await segments.EnsureScoredAsync(ct);
                return await open.Where(c => c.Segment == segment && c.AnonymizedAt == null).Select(c => c.Id).ToListAsync(ct);
            case InvitationAudience.ClassA:
                // The ABC report's class A (abc_classes), less whoever cannot be invited.
                var classA = await Reports.AbcRanks.IdsAsync(db, current.RequiredId, 'A', ct);
                return await open.Where(c => classA.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            default:
                // The Ações lists, as the agenda places them today.
                var context = await AgendaContext.LoadAsync(db, ct);
                await AgendaQuery.RefreshRhythmsAsync(db, context.BusinessId, ct);
                var list = audience switch
                {
                    InvitationAudience.Fading => AgendaList.Fading,
                    InvitationAudience.NearGoal => AgendaList.NearGoal,
                    _ => AgendaList.Birthday,
                };
                return await AgendaQuery.IdsAsync(db, context, list, now, ct);
        }
    }
}
