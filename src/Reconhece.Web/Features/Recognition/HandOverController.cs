using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Recognition;

/// <summary>
/// "Entregar agora" at the counter: whoever serves the customer records the programme's gift, with their
/// own name on the record, through the same recognition as the owner's form (one debit, idempotent).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HandOverController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpPost("/clientes/{customerId:guid}/entregar-brinde")]
    public async Task<IActionResult> HandOver(Guid customerId, Guid idempotencyKey, Guid? purchase,
        [FromServices] RecognizeCustomer recognize, CancellationToken ct)
    {
        var program = (await db.BusinessAsync(ct)).Program;
        // Back where the tap came from: the purchase just registered, or the customer's page.
        var back = purchase is { } p ? $"/compras/{p}" : $"/clientes/{customerId}";
        if (!GiftHandOver.Allowed(User.IsInRole(Roles.Owner), program))
        {
            TempData["FlashError"] = t["Neste negócio só o responsável registra a entrega do brinde. Chame o responsável."].Value;
            return Redirect(back);
        }
        var result = await recognize.HandleAsync(customerId, new RecognizeInput { IdempotencyKey = idempotencyKey, What = program.RecognitionText },
            User.UserId(), ct);
        if (result is null) return NotFound();
        if (!result.Succeeded) TempData["FlashError"] = result.ErrorText;
        else GiftHandOver.Tell(TempData, result.Value, program.Goal, t);
        return Redirect(back);
    }
}
