using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Customers;

public sealed record OptOutForm(Guid CustomerId, string? Name, string Phone, ConsentInput Input);

/// <summary>"Não quer contato" on the customer page and on the agenda: anyone records it; the owner undoes it.</summary>
[Authorize(Policy = Policies.Staff), Route("/clientes/{id:guid}")]
public sealed class ContactConsentController(AppDbContext db, ContactConsent consent, IStringLocalizer<SharedResource> t) : Controller
{
    private const string ViewPath = "/Features/Customers/OptOut.cshtml";

    [HttpGet("sem-contato")]
    public async Task<IActionResult> OptOut(Guid id, CancellationToken ct) =>
        await FormAsync(id, new ConsentInput(), ct) is { } form ? View(ViewPath, form) : NotFound();

    [HttpPost("sem-contato")]
    public async Task<IActionResult> OptOut(Guid id, ConsentInput input, CancellationToken ct)
    {
        var result = await consent.OptOutAsync(id, input, User.UserId(), ct);
        if (result is null) return NotFound();
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(ViewPath, await FormAsync(id, input, ct));
        }
        TempData["Flash"] = result.Value == ConsentOutcome.Changed
            ? t["Registrado: o cliente não quer contato. Ele sai das Ações e de todo convite; os pontos continuam valendo."].Value
            : t["Isto já estava registrado."].Value;
        return Redirect($"/clientes/{id}");
    }

    [HttpPost("aceita-contato"), Authorize(Policy = Policies.Owner)]
    public async Task<IActionResult> Undo(Guid id, ConsentInput input, CancellationToken ct)
    {
        var result = await consent.UndoAsync(id, input, User.UserId(), ct);
        if (result is null) return NotFound();
        if (!result.Succeeded) TempData["FlashError"] = result.ErrorText;
        else TempData["Flash"] = result.Value == ConsentOutcome.Changed
            ? t["Registrado: o cliente voltou a aceitar contato."].Value
            : t["Isto já estava registrado."].Value;
        return Redirect($"/clientes/{id}");
    }

    private async Task<OptOutForm?> FormAsync(Guid id, ConsentInput input, CancellationToken ct) =>
        await db.Customers.Where(c => c.Id == id).Select(c => new OptOutForm(c.Id, c.Name, c.Phone, input)).FirstOrDefaultAsync(ct);
}
