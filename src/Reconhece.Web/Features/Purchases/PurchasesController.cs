using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Promotions;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Purchases;

/// <summary>"Registrar compra" (staff and owner) and the purchase result page.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PurchasesController(AppDbContext db, RegisterPurchase register, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The form; with "cliente", a customer chosen on their page, registered for without the phone typed.</summary>
    [HttpGet("/registrar")]
    public async Task<IActionResult> Register(Guid? cliente, CancellationToken ct)
    {
        var form = await FormAsync(new RegisterPurchaseInput { IdempotencyKey = Guid.NewGuid(), CustomerId = cliente }, null, ct);
        // Another business's customer, or one anonymised since: not found, like every other id.
        return cliente is not null && form.Chosen is null ? NotFound() : View(form);
    }

    [HttpPost("/registrar")]
    public async Task<IActionResult> Register(RegisterPurchaseInput input, Guid? branchId, CancellationToken ct)
    {
        var result = await register.HandleAsync(input, UserId, User.IsInRole(Roles.Owner) ? branchId : null, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            // The key already registered another purchase: link to it, and give the form a fresh key.
            Guid? registered = result.Value == Guid.Empty ? null : result.Value;
            if (registered is not null)
            {
                input.IdempotencyKey = Guid.NewGuid();
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }
            return View(await FormAsync(input, branchId, ct) with { RegisteredWithKey = registered, Near = register.Near });
        }
        // Post-redirect-get: reloading the result page never registers again.
        return Redirect($"/compras/{result.Value}?registrada=1");
    }

    [HttpGet("/compras/{id:guid}")]
    public async Task<IActionResult> Result(Guid id, int? registrada, CancellationToken ct)
    {
        var result = await PurchaseQueries.ResultAsync(db, id, User.IsInRole(Roles.Owner), UserId, clock.GetUtcNow().UtcDateTime, ct);
        ViewData["JustRegistered"] = registrada == 1;
        return result is null ? NotFound() : View(result);
    }

    /// <summary>"Estornar": the owner any purchase; staff their own within minutes (<see cref="CounterWindow"/>).</summary>
    [HttpPost("/compras/{id:guid}/estornar")]
    public async Task<IActionResult> Reverse(Guid id, string? reason, [FromServices] ReversePurchase reverse, CancellationToken ct)
    {
        var outcome = await reverse.HandleAsync(id, reason, UserId, User.IsInRole(Roles.Owner), ct);
        switch (outcome)
        {
            case ReverseOutcome.NotFound: return NotFound();
            case ReverseOutcome.ReasonTooLong:
                TempData["FlashError"] = t["Motivo longo demais: use no máximo {0} caracteres. A compra não foi estornada.", ReversePurchase.ReasonMaxLength].Value;
                break;
            case ReverseOutcome.ReasonMissing:
                TempData["FlashError"] = t["Diga o motivo, ex.: valor digitado errado. A compra não foi estornada."].Value;
                break;
            case ReverseOutcome.TooLateForStaff:
                TempData["FlashError"] = t["Só quem registrou pode desfazer, e só nos primeiros {0} minutos. Peça ao responsável para estornar.",
                    (int)CounterWindow.StaffWindow.TotalMinutes].Value;
                break;
            default:
                TempData["Flash"] = outcome == ReverseOutcome.Reversed
                    ? t["Compra estornada. Os pontos foram retirados do saldo."].Value
                    : t["Esta compra já tinha sido estornada."].Value;
                break;
        }
        return RedirectToAction(nameof(Result), new { id });
    }

    /// <summary>The result screen's optional name for a new customer (<see cref="NameNewCustomer"/>).</summary>
    [HttpPost("/compras/{id:guid}/nome")]
    public async Task<IActionResult> Name(Guid id, string? name, [FromServices] NameNewCustomer naming, CancellationToken ct)
    {
        var (outcome, error) = await naming.HandleAsync(id, name, UserId, User.IsInRole(Roles.Owner), ct);
        if (outcome == NameOutcome.NotFound) return NotFound();
        if (outcome == NameOutcome.Named) TempData["Flash"] = t["Nome salvo."].Value;
        else TempData["FlashError"] = error ?? t["O nome deste cliente só pode ser mudado pelo responsável, em Clientes."].Value;
        return RedirectToAction(nameof(Result), new { id });
    }

    private Guid UserId => User.UserId();

    private async Task<RegisterForm> FormAsync(RegisterPurchaseInput input, Guid? branchId, CancellationToken ct)
    {
        var program = (await db.BusinessAsync(ct)).Program;
        IReadOnlyList<(Guid, string)> branches = [];
        if (User.IsInRole(Roles.Owner))
        {
            var rows = await db.Branches.Where(b => b.IsActive).OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
            branches = rows.Select(b => (b.Id, b.Name)).ToList();
            branchId ??= Guid.TryParse(User.FindFirstValue(AppClaimsFactory.BranchClaim), out var own) ? own : null;
        }
        // "Promoções de hoje" at the branch the purchase goes to (staff: their own).
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = (await db.BusinessAsync(ct)).Zone;
        var open = await db.Promotions.AsNoTracking().Where(p => p.StoppedAt == null && p.EndsAt > now && p.StartsAt <= now).ToListAsync(ct);
        var atBranch = branchId ?? (Guid.TryParse(User.FindFirstValue(AppClaimsFactory.BranchClaim), out var mine) ? mine : null);
        var today = PromotionRules.Running(open, now, zone, atBranch)
            .Select(p => new TodayPromotion(p.Name, PromotionText.Benefit(p, t), p.Description, p.MinAmount)).ToList();
        ChosenCustomer? chosen = null;
        if (input.CustomerId is { } id)
        {
            chosen = await db.Customers.Where(c => c.Id == id && c.AnonymizedAt == null)
                .Select(c => new ChosenCustomer(c.Id, c.Name, c.Phone, c.Balance)).FirstOrDefaultAsync(ct);
            if (chosen is null) input.CustomerId = null;
        }
        return new RegisterForm(input, program.RuleKind, program.ValuePerPoint, program.UnitName, program.PointsPerUnit,
            program.CollectName, program.CollectEmail, program.CollectBirthDate, branches, branchId) { Promotions = today, Chosen = chosen };
    }
}
