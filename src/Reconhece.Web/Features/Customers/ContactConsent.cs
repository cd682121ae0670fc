using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Customers;

public sealed class ConsentInput
{
    /// <summary>How the customer said it ("No balcão", "Pelo WhatsApp"...); required to opt out.</summary>
    public string? How { get; set; }
    /// <summary>Why the owner undoes an opt-out; required to undo.</summary>
    public string? Reason { get; set; }
}

public enum ConsentOutcome { Changed, AlreadyThat }

/// <summary>
/// "Não quer contato" (LGPD art. 18 IX, revocation of consent; docs/lgpd.md): anyone on the team records
/// it, with how the customer said it; only the owner undoes it, with a reason. Each change is a row in
/// consent_events (who, when, how, why). The customer still earns points: the programme is separate
/// from contact.
/// </summary>
public sealed class ContactConsent(AppDbContext db, CurrentBusiness current, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public static readonly string[] Ways = ["No balcão", "Pelo WhatsApp", "Por telefone", "Por e-mail", "Outro"];

    public async Task<FormResult<ConsentOutcome>?> OptOutAsync(Guid customerId, ConsentInput input, Guid userId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct)) return null;
        var errors = new FormErrors();
        var how = input.How?.Trim();
        if (string.IsNullOrEmpty(how)) errors.Add(nameof(input.How), t["Diga como o cliente pediu."]);
        else if (how.Length > ConsentEvent.HowMaxLength) errors.Add(nameof(input.How), t["Use no máximo {0} caracteres.", ConsentEvent.HowMaxLength]);
        if (errors.Any) return errors.ToResult<ConsentOutcome>();
        return FormResult.Ok(await ChangeAsync(customerId, optOut: true, how, null, userId, ct));
    }

    public async Task<FormResult<ConsentOutcome>?> UndoAsync(Guid customerId, ConsentInput input, Guid userId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct)) return null;
        var errors = new FormErrors();
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors.Add(nameof(input.Reason), t["Diga por que o cliente voltou a aceitar contato."]);
        else if (reason.Length > ConsentEvent.ReasonMaxLength) errors.Add(nameof(input.Reason), t["Use no máximo {0} caracteres.", ConsentEvent.ReasonMaxLength]);
        if (errors.Any) return errors.ToResult<ConsentOutcome>();
        return FormResult.Ok(await ChangeAsync(customerId, optOut: false, null, reason, userId, ct));
    }

    /// <summary>How a customer's own "Não quero receber mensagens" on their card is recorded (the channel "cartão").</summary>
    public const string ByCard = "Pelo cartão (o próprio cliente)";

    /// <summary>The customer, on their card (Features/Cards): the same opt-out as the team's, with no one on the team behind it.</summary>
    public Task<ConsentOutcome> OptOutByCustomerAsync(Guid customerId, CancellationToken ct) =>
        ChangeAsync(customerId, optOut: true, ByCard, null, null, ct);

    public const string ByEmailUnsubscribe = "Descadastro do e-mail (um clique, o próprio cliente)";

    /// <summary>
    /// The one-click unsubscribe of an automatic e-mail (RFC 8058): e-mail stops, other contact does not.
    /// Recorded with the same consent history as "Não quer contato", its "how" naming the channel; a second
    /// click records nothing.
    /// </summary>
    public async Task<ConsentOutcome> UnsubscribeEmailAsync(Guid customerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Customers.Where(c => c.Id == customerId && c.EmailOptOutAt == null && c.AnonymizedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.EmailOptOutAt, now), ct);
        if (changed == 0) return ConsentOutcome.AlreadyThat;
        db.ConsentEvents.Add(new ConsentEvent
        {
            Id = Guid.CreateVersion7(), BusinessId = current.RequiredId, CustomerId = customerId, OptedOut = true, At = now, How = ByEmailUnsubscribe,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ConsentOutcome.Changed;
    }

    /// <summary>The change is conditional on the current state, so a double tap records one event.</summary>
    private async Task<ConsentOutcome> ChangeAsync(Guid customerId, bool optOut, string? how, string? reason, Guid? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = optOut
            ? await db.Customers.Where(c => c.Id == customerId && c.ContactOptOutAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ContactOptOutAt, now), ct)
            : await db.Customers.Where(c => c.Id == customerId && c.ContactOptOutAt != null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ContactOptOutAt, (DateTime?)null), ct);
        if (changed == 0) return ConsentOutcome.AlreadyThat;
        db.ConsentEvents.Add(new ConsentEvent
        {
            Id = Guid.CreateVersion7(), BusinessId = current.RequiredId, CustomerId = customerId, UserId = userId,
            OptedOut = optOut, At = now, How = how, Reason = reason,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ConsentOutcome.Changed;
    }
}
