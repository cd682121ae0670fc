using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Agenda;

public sealed class ContactInput
{
    public Guid CustomerId { get; set; }
    public AgendaList List { get; set; }
    public ContactChannel Channel { get; set; }
    /// <summary>Made when the row is rendered: a double tap logs one contact.</summary>
    public Guid Key { get; set; }
}

public enum ContactOutcome { Logged, AlreadyLogged }

/// <summary>
/// "Contato feito" and "Adiar 7 dias" on an agenda row. A contact is logged once per form key (a second
/// tap finds the first); the same key for another customer is refused. Either takes the customer off the
/// agenda for <see cref="RestDays"/> days.
/// </summary>
public sealed class LogContact(AppDbContext db, CurrentBusiness current, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const int RestDays = 7;

    /// <summary>Null when the customer is not in the person's scope (another business, another branch).</summary>
    public async Task<FormResult<ContactOutcome>?> HandleAsync(ContactInput input, Guid userId, Guid? branchScope, CancellationToken ct)
    {
        var customer = await InScope(input.CustomerId, branchScope).Select(c => new { c.ContactOptOutAt }).FirstOrDefaultAsync(ct);
        if (customer is null) return null;
        var errors = new FormErrors();
        if (input.Key == Guid.Empty) errors.Add("", t["O formulário expirou. Recarregue a página e tente de novo."]);
        if (!Enum.IsDefined(input.List) || !Enum.IsDefined(input.Channel)) errors.Add("", t["Escolha uma lista e um meio de contato válidos."]);
        if (customer.ContactOptOutAt is not null) errors.Add("", t["Este cliente não quer contato. Nada foi registrado."]);
        if (errors.Any) return errors.ToResult<ContactOutcome>();

        var now = clock.GetUtcNow().UtcDateTime;
        var business = current.RequiredId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO contacts (id, business_id, customer_id, user_id, list, channel, at, idempotency_key)
            VALUES ({Guid.CreateVersion7()}, {business}, {input.CustomerId}, {userId}, {(int)input.List}, {(int)input.Channel}, {now}, {input.Key})
            ON CONFLICT (business_id, idempotency_key) DO NOTHING
            """, ct);
        if (inserted == 0)
        {
            var first = await db.Contacts.Where(c => c.IdempotencyKey == input.Key).Select(c => c.CustomerId).SingleAsync(ct);
            if (first != input.CustomerId)
            {
                errors.Add("", t["Este formulário já registrou o contato com outro cliente. Nada foi registrado agora: recarregue a página."]);
                return errors.ToResult<ContactOutcome>();
            }
            return FormResult.Ok(ContactOutcome.AlreadyLogged);
        }
        await RestAsync(input.CustomerId, now, ct);
        await tx.CommitAsync(ct);
        return FormResult.Ok(ContactOutcome.Logged);
    }

    /// <summary>How long the person who logged a contact can take it back (a tap on the wrong row).</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// "Desfazer": the person's own contact, within <see cref="UndoWindow"/>, is removed and the customer is back
    /// on the agenda. A mistaken tap measured as a contact would count against the list's results.
    /// </summary>
    public async Task<bool> UndoAsync(Guid key, Guid userId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - UndoWindow;
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.IdempotencyKey == key && c.UserId == userId && c.At >= since, ct);
        if (contact is null) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Contacts.Remove(contact);
        await db.Customers.Where(c => c.Id == contact.CustomerId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.AgendaSnoozedUntil, (DateTime?)null), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The person's contacts still within <see cref="UndoWindow"/>, newest first.</summary>
    public async Task<IReadOnlyList<RecentContact>> RecentAsync(Guid userId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - UndoWindow;
        var rows = await db.Contacts.Where(c => c.UserId == userId && c.At >= since).OrderByDescending(c => c.At).Take(3)
            .Join(db.Customers, c => c.CustomerId, k => k.Id, (c, k) => new { c.IdempotencyKey, k.Name, k.Phone })
            .ToListAsync(ct);
        return rows.Select(r => new RecentContact(r.IdempotencyKey, r.Name ?? BrazilianPhone.Format(r.Phone))).ToList();
    }

    /// <summary>"Adiar 7 dias": false when the customer is not in the person's scope.</summary>
    public async Task<bool> SnoozeAsync(Guid customerId, Guid? branchScope, CancellationToken ct)
    {
        if (!await InScope(customerId, branchScope).AnyAsync(ct)) return false;
        await RestAsync(customerId, clock.GetUtcNow().UtcDateTime, ct);
        return true;
    }

    private Task<int> RestAsync(Guid customerId, DateTime now, CancellationToken ct) =>
        db.Customers.Where(c => c.Id == customerId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.AgendaSnoozedUntil, now.AddDays(RestDays)), ct);

    private IQueryable<Customer> InScope(Guid customerId, Guid? branchScope) =>
        db.Customers.Where(c => c.Id == customerId && (branchScope == null || c.LastBranchId == branchScope));
}
