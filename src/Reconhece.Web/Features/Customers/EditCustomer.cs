using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Customers;

/// <summary>The owner corrects a customer's optional fields; each change is recorded (who, when, old → new).</summary>
public sealed class EditCustomer(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<FormResult<bool>?> HandleAsync(Guid id, CustomerFieldsInput input, Guid userId, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return null;
        // Editing shows every field, collected or not, so the owner can also erase what is no longer wanted.
        var everything = new LoyaltyProgram { CollectName = true, CollectEmail = true, CollectBirthDate = true };
        var errors = new FormErrors();
        var values = CustomerFields.Validate(input, everything, t, errors, prefix: "");
        if (errors.Any) return errors.ToResult<bool>();

        var now = clock.GetUtcNow().UtcDateTime;
        void Track(string field, string? before, string? after)
        {
            if (before == after) return;
            db.Audit.Add(new AuditEntry { UserId = userId, At = now, Subject = "Cliente", SubjectId = id, Field = field, OldValue = before, NewValue = after });
        }
        Track("Nome", customer.Name, values.Name);
        Track("E-mail", customer.Email, values.Email);
        Track("Data de nascimento", Format.Date(customer.BirthDate), Format.Date(values.BirthDate));
        customer.Name = values.Name;
        customer.Email = values.Email;
        customer.BirthDate = values.BirthDate;
        await db.SaveChangesAsync(ct);
        return FormResult.Ok(true);
    }
}
