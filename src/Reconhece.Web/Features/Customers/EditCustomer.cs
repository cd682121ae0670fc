using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Customers;

/// <summary>The edit form: the fields the business collects, and the erasure of stored ones it no longer collects.</summary>
public sealed class EditCustomerInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? BirthDate { get; set; }
    public bool EraseName { get; set; }
    public bool EraseEmail { get; set; }
    public bool EraseBirthDate { get; set; }

    public CustomerFieldsInput Fields => new() { Name = Name, Email = Email, BirthDate = BirthDate };
}

/// <summary>
/// What the edit page shows: the fields the business collects (Programa → dados coletados) to type in, and for
/// each field it does not collect but still holds from before, the stored value with a box to erase it.
/// </summary>
public sealed record EditCustomerPage(Guid Id, string Phone, EditCustomerInput Input, bool CollectName, bool CollectEmail, bool CollectBirthDate,
    string? StoredName, string? StoredEmail, string? StoredBirthDate)
{
    public static async Task<EditCustomerPage?> LoadAsync(AppDbContext db, Guid id, EditCustomerInput? typed, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var p = (await db.BusinessAsync(ct)).Program;
        var birth = c.BirthDate is { } b ? Format.Date(b) : null;
        var input = typed ?? new EditCustomerInput { Name = c.Name, Email = c.Email, BirthDate = birth };
        return new EditCustomerPage(id, Format.Phone(c.Phone), input, p.CollectName, p.CollectEmail, p.CollectBirthDate,
            p.CollectName ? null : c.Name, p.CollectEmail ? null : c.Email, p.CollectBirthDate ? null : birth);
    }
}

/// <summary>
/// The owner corrects a customer's optional fields; each change is recorded (who, when, old → new). Only the
/// fields the business collects are written (LGPD art. 6 III, the minimum); a field it no longer collects is
/// never filled in here, only erased when the owner ticks its box.
/// </summary>
public sealed class EditCustomer(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<FormResult<bool>?> HandleAsync(Guid id, EditCustomerInput input, Guid userId, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return null;
        var program = (await db.BusinessAsync(ct)).Program;
        var errors = new FormErrors();
        var values = CustomerFields.Validate(input.Fields, program, t, errors, prefix: "");
        if (errors.Any) return errors.ToResult<bool>();

        var name = program.CollectName ? values.Name : input.EraseName ? null : customer.Name;
        var email = program.CollectEmail ? values.Email : input.EraseEmail ? null : customer.Email;
        var birth = program.CollectBirthDate ? values.BirthDate : input.EraseBirthDate ? null : customer.BirthDate;
        var now = clock.GetUtcNow().UtcDateTime;
        void Track(string field, string? before, string? after)
        {
            if (before == after) return;
            db.Audit.Add(new AuditEntry { UserId = userId, At = now, Subject = "Cliente", SubjectId = id, Field = field, OldValue = before, NewValue = after });
        }
        Track("Nome", customer.Name, name);
        Track("E-mail", customer.Email, email);
        Track("Data de nascimento", Format.Date(customer.BirthDate), Format.Date(birth));
        customer.Name = name;
        customer.Email = email;
        customer.BirthDate = birth;
        await db.SaveChangesAsync(ct);
        return FormResult.Ok(true);
    }
}
