using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Customers;

public sealed record CustomerCard(Guid Id, string? Name, string Phone, decimal Balance, int Visits, DateTime? LastPurchaseAt);

public sealed record ChangePhoneForm(CustomerCard Customer, string? Typed, string? Error, CustomerCard? TakenBy);

public sealed record MergeForm(CustomerCard Kept, CustomerCard? Merged, string? Typed, string? Error, Guid Key, TimeZoneInfo Zone);

/// <summary>The owner's corrections of identity: the phone (audited), and joining two records of one person.</summary>
[Authorize(Policy = Policies.Owner), Route("/clientes/{id:guid}")]
public sealed class CustomerIdentityController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("celular")]
    public async Task<IActionResult> Phone(Guid id, CancellationToken ct) =>
        await CardAsync(id, ct) is { } c ? View("/Features/Customers/ChangePhone.cshtml", new ChangePhoneForm(c, null, null, null)) : NotFound();

    [HttpPost("celular")]
    public async Task<IActionResult> Phone(Guid id, string? phone, [FromServices] ChangePhone change, CancellationToken ct)
    {
        var result = await change.HandleAsync(id, phone, User.UserId(), ct);
        if (result is null) return NotFound();
        if (result.NewPhone is { } changed)
        {
            TempData["Flash"] = t["Celular alterado para {0}. A alteração ficou registrada.", BrazilianPhone.Format(changed)].Value;
            return Redirect($"/clientes/{id}");
        }
        var taken = result.TakenBy is { } other ? await CardAsync(other, ct) : null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("/Features/Customers/ChangePhone.cshtml", new ChangePhoneForm((await CardAsync(id, ct))!, phone, result.Error, taken));
    }

    /// <summary>Which record to join into this one: by <paramref name="com"/> (an id) or by the phone typed.</summary>
    [HttpGet("unir")]
    public async Task<IActionResult> Merge(Guid id, Guid? com, string? telefone, CancellationToken ct)
    {
        var kept = await CardAsync(id, ct);
        if (kept is null) return NotFound();
        string? error = null;
        CustomerCard? merged = null;
        if (com is { } other)
        {
            merged = await CardAsync(other, ct);
            if (merged is null) return NotFound();
        }
        else if (!string.IsNullOrWhiteSpace(telefone))
        {
            var (phone, problem) = BrazilianPhone.Read(telefone);
            var found = problem == PhoneProblem.None
                ? await CustomerLookup.ByPhone(db, phone).Where(c => c.AnonymizedAt == null).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) : null;
            if (problem != PhoneProblem.None) error = Shared.PhoneMessages.For(problem, telefone, t);
            else if (found is null) error = t["Nenhum cliente com o celular {0}.", BrazilianPhone.Format(phone)];
            else if (found == id) error = t["Este celular já é deste cliente."];
            else merged = await CardAsync(found.Value, ct);
        }
        if (merged?.Id == id) merged = null;
        return View("/Features/Customers/Merge.cshtml", new MergeForm(kept, merged, telefone, error, Guid.NewGuid(), (await db.BusinessAsync(ct)).Zone));
    }

    [HttpPost("unir")]
    public async Task<IActionResult> Merge(Guid id, Guid mergedId, Guid key, [FromServices] MergeCustomers merge, CancellationToken ct)
    {
        var outcome = await merge.HandleAsync(id, mergedId, key, User.UserId(), ct);
        if (outcome == MergeOutcome.NotFound) return NotFound();
        if (outcome == MergeOutcome.Same) TempData["FlashError"] = t["Escolha outro cadastro para unir a este."].Value;
        else TempData["Flash"] = outcome == MergeOutcome.Merged
            ? t["Cadastros unidos. Compras, pontos e histórico estão agora neste cliente, e o outro celular também o encontra."].Value
            : t["Estes cadastros já tinham sido unidos."].Value;
        return Redirect($"/clientes/{id}");
    }

    private Task<CustomerCard?> CardAsync(Guid id, CancellationToken ct) =>
        db.Customers.Where(c => c.Id == id && c.AnonymizedAt == null)
            .Select(c => new CustomerCard(c.Id, c.Name, c.Phone, c.Balance, c.Visits, c.LastPurchaseAt)).FirstOrDefaultAsync(ct);
}
