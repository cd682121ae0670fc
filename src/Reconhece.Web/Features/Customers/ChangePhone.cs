using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Privacy;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Customers;

/// <summary>What changing a phone did: the new number; or the customer who already has it (offer a merge); or a message.</summary>
public sealed record PhoneChange(string? NewPhone, Guid? TakenBy, string? Error);

/// <summary>
/// The owner corrects a customer's phone (LGPD art. 18 III). Audited with the old and new numbers. A number
/// another customer has (or had, before a merge) is refused, and the page offers to merge the two.
/// </summary>
public sealed class ChangePhone(AppDbContext db, PhoneBlockList blocks, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<PhoneChange?> HandleAsync(Guid id, string? typed, Guid userId, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id && c.AnonymizedAt == null, ct);
        if (customer is null) return null;
        var (phone, problem) = BrazilianPhone.Read(typed);
        if (problem != PhoneProblem.None) return new PhoneChange(null, null, PhoneMessages.For(problem, typed, t));
        if (phone == customer.Phone) return new PhoneChange(null, null, t["Este já é o celular do cliente."]);
        var holder = await CustomerLookup.ByPhone(db, phone).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (holder is { } other && other != id) return new PhoneChange(null, other, null);
        if (await blocks.IsBlockedAsync(phone, ct))
            return new PhoneChange(null, null, t["Este número pediu para não participar do programa e não pode ser usado."]);

        db.Audit.Add(new AuditEntry
        {
            UserId = userId, At = clock.GetUtcNow().UtcDateTime, Subject = "Cliente", SubjectId = id, Field = "Celular",
            OldValue = BrazilianPhone.Format(customer.Phone), NewValue = BrazilianPhone.Format(phone),
        });
        // The number was this customer's own alias (merged earlier): it is the main number now.
        await db.CustomerAliases.Where(a => a.Phone == phone && a.CustomerId == id).ExecuteDeleteAsync(ct);
        customer.Phone = phone;
        // The card link sent to the old number must not keep working for whoever has that number now.
        customer.CardGeneration++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Registered for someone else a moment ago, at the counter.
            var taker = await db.Customers.AsNoTracking().Where(c => c.Phone == phone).Select(c => c.Id).FirstAsync(ct);
            return new PhoneChange(null, taker, null);
        }
        return new PhoneChange(phone, null, null);
    }
}

/// <summary>Finding a customer by phone: their own number, or a number merged into them.</summary>
public static class CustomerLookup
{
    public static IQueryable<Customer> ByPhone(AppDbContext db, string e164) =>
        db.Customers.Where(c => c.Phone == e164 || db.CustomerAliases.Any(a => a.Phone == e164 && a.CustomerId == c.Id));
}
