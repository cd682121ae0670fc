using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Purchases;

public enum NameOutcome { Named, NotFound, NotOffered, Invalid }

/// <summary>
/// The result screen's one optional field for a customer registered without a name (issue 22): only while
/// the business collects names, only for a customer who has none (a name is never replaced here: that is
/// the owner's edit), and only by whoever may still undo the purchase. Audited like the owner's edit.
/// </summary>
public sealed class NameNewCustomer(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<(NameOutcome Outcome, string? Error)> HandleAsync(Guid purchaseId, string? name, Guid userId, bool isOwner, CancellationToken ct)
    {
        var purchase = await db.Purchases.Where(p => p.Id == purchaseId).Select(p => new { p.CustomerId, p.UserId, p.At }).FirstOrDefaultAsync(ct);
        if (purchase is null) return (NameOutcome.NotFound, null);
        var now = clock.GetUtcNow().UtcDateTime;
        var program = (await db.BusinessAsync(ct)).Program;
        var customer = await db.Customers.FirstAsync(c => c.Id == purchase.CustomerId, ct);
        if (!program.CollectName || customer.Name is not null || customer.AnonymizedAt is not null
            || !CounterWindow.Open(isOwner, purchase.UserId, purchase.At, userId, now))
            return (NameOutcome.NotOffered, null);
        var errors = new FormErrors();
        var values = CustomerFields.Validate(new CustomerFieldsInput { Name = name }, program, t, errors, prefix: "");
        if (errors.Any) return (NameOutcome.Invalid, errors.Items[0].Message);
        if (values.Name is null) return (NameOutcome.Invalid, t["Digite o nome, ou siga sem ele: o nome é opcional."].Value);
        customer.Name = values.Name;
        db.Audit.Add(new AuditEntry { UserId = userId, At = now, Subject = "Cliente", SubjectId = customer.Id, Field = "Nome", OldValue = null, NewValue = values.Name });
        await db.SaveChangesAsync(ct);
        return (NameOutcome.Named, null);
    }
}
