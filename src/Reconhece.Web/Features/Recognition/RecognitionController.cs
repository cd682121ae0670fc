using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Recognition;

/// <summary>Reconhecimento (owner): who reached the goal, one tap to invite on WhatsApp, and recording the recognition.</summary>
[Authorize(Policy = Policies.Owner), Route("/reconhecimento")]
public sealed class RecognitionController(AppDbContext db, Cards.CardLinks links, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var program = (await db.BusinessAsync(ct)).Program;
        var businessName = (await db.BusinessAsync(ct)).Name;
        var rows = await db.Customers.Where(c => Goal.IsReached(c.Balance, program.Goal) && c.AnonymizedAt == null)
            .OrderBy(c => c.EligibleSince).ThenBy(c => c.Id).Take(500)
            .Select(c => new { c.Id, c.BusinessId, c.Name, c.Phone, c.Balance, c.EligibleSince, c.LastPurchaseAt, c.ContactOptOutAt, c.CardGeneration })
            .ToListAsync(ct);
        return View(new EligibleList(
            // No link for a customer who does not want contact (LGPD art. 18 IX).
            rows.Select(c => new EligibleRow(c.Id, c.Name, c.Phone, c.Balance, c.EligibleSince, c.LastPurchaseAt, c.ContactOptOutAt is not null ? null :
                Invitation.WhatsAppLink(c.Phone, Invitation.Render(program.InvitationMessage, new MessageFields(c.Name, businessName, c.Balance, program.Goal,
                    program.RecognitionText, links.Url(c.BusinessId, c.Id, c.CardGeneration)))))).ToList(),
            program.Goal, program.RecognitionText, (await db.BusinessAsync(ct)).Zone));
    }

    [HttpGet("{customerId:guid}")]
    public async Task<IActionResult> Recognize(Guid customerId, CancellationToken ct)
    {
        var program = (await db.BusinessAsync(ct)).Program;
        var form = await FormAsync(customerId, new RecognizeInput { IdempotencyKey = Guid.NewGuid(), What = program.RecognitionText }, ct);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{customerId:guid}")]
    public async Task<IActionResult> Recognize(Guid customerId, RecognizeInput input, [FromServices] RecognizeCustomer recognize, CancellationToken ct)
    {
        var result = await recognize.HandleAsync(customerId, input, User.UserId(), ct);
        if (result is null) return NotFound();
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(await FormAsync(customerId, input, ct));
        }
        GiftHandOver.Tell(TempData, result.Value, (await db.BusinessAsync(ct)).Program.Goal, t);
        return Redirect($"/clientes/{customerId}");
    }

    [HttpGet("historico")]
    public async Task<IActionResult> History(CancellationToken ct)
    {
        var rows = await db.Recognitions.OrderByDescending(r => r.At).Take(500)
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { r, c })
            .Select(x => new HistoryRow(x.c.Id, x.c.Name, x.c.Phone, x.r.What, x.r.PointsDebited,
                db.Users.Where(u => u.Id == x.r.UserId).Select(u => u.FullName).First(), x.r.At))
            .ToListAsync(ct);
        return View(new History(rows, (await db.BusinessAsync(ct)).Zone));
    }

    private async Task<RecognizeForm?> FormAsync(Guid customerId, RecognizeInput input, CancellationToken ct)
    {
        var c = await db.Customers.Where(x => x.Id == customerId)
            .Select(x => new { x.Id, x.BusinessId, x.Name, x.Phone, x.Balance, x.ContactOptOutAt, x.CardGeneration }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var program = (await db.BusinessAsync(ct)).Program;
        var businessName = (await db.BusinessAsync(ct)).Name;
        var link = c.ContactOptOutAt is not null ? null
            : Invitation.WhatsAppLink(c.Phone, Invitation.Render(program.InvitationMessage, new MessageFields(c.Name, businessName, c.Balance, program.Goal,
                program.RecognitionText, links.Url(c.BusinessId, c.Id, c.CardGeneration))));
        return new RecognizeForm(customerId, c.Name, c.Phone, c.Balance, program.Goal, input, link);
    }
}
