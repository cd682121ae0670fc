using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Customers;

/// <summary>Clientes: search, the customer page, and the owner's corrections.</summary>
[Authorize(Policy = Policies.Staff), Route("/clientes")]
public sealed class CustomersController(AppDbContext db, Cards.CardLinks links, IStringLocalizer<SharedResource> t) : Controller
{
    public const int InactiveListSize = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? inativos, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        var (zone, program) = (business.Zone, business.Program);
        var goal = program.Goal;
        if (inativos is not null && string.IsNullOrWhiteSpace(q))
        {
            // The Painel's "inativos" card, as a list: the biggest spenders first, as the weekly report orders them.
            var inactive = db.Customers.Where(c => c.AnonymizedAt == null).Where(Inactivity.Customers(clock.GetUtcNow().UtcDateTime, program.InactivityDays));
            var count = await inactive.CountAsync(ct);
            var rows = await inactive.OrderByDescending(c => c.LifetimeSpend).ThenBy(c => c.LastPurchaseAt).Take(InactiveListSize)
                .Select(c => new CustomerRow(c.Id, c.Name, c.Phone, c.Balance, c.LastPurchaseAt, Goal.IsReached(c.Balance, goal))).ToListAsync(ct);
            return View(new CustomerSearch(null, null, rows, zone) { Inactive = (count, program.InactivityDays) });
        }
        if (string.IsNullOrWhiteSpace(q))
        {
            var recent = await db.Customers.Where(c => c.AnonymizedAt == null).OrderByDescending(c => c.LastPurchaseAt).Take(20)
                .Select(c => new CustomerRow(c.Id, c.Name, c.Phone, c.Balance, c.LastPurchaseAt, Goal.IsReached(c.Balance, goal))).ToListAsync(ct);
            return View(new CustomerSearch(null, null, recent, zone));
        }
        var query = q.Length > 60 ? q[..60] : q;
        var found = await CustomerQueries.SearchAsync(db, query, goal, ct);
        return View(new CustomerSearch(query, found.Count == 0 ? t["Nenhum cliente encontrado para \"{0}\".", query].Value : null, found, zone));
    }

    /// <summary>Live lookup for the purchase form (JavaScript only; the form works without it).</summary>
    [HttpGet("consulta")]
    public async Task<IActionResult> Lookup(string? telefone, [FromServices] Privacy.PhoneBlockList blocks, CancellationToken ct)
    {
        var (phone, problem) = BrazilianPhone.Read(telefone);
        // Still typing (too few digits) says nothing; a number that cannot be one says why at once.
        if (problem is PhoneProblem.ExtraDigits or PhoneProblem.NotMobile or PhoneProblem.UnknownAreaCode or PhoneProblem.Foreign or PhoneProblem.NotDigits)
            return Json(new { text = PhoneMessages.For(problem, telefone, t) });
        if (problem != PhoneProblem.None) return Json(new { text = "" });
        var program = (await db.BusinessAsync(ct)).Program;
        if (await blocks.IsBlockedAsync(phone, ct)) return Json(new { text = t["Este cliente pediu para não participar do programa."].Value });
        var c = await CustomerLookup.ByPhone(db, phone).Select(x => new { x.Name, x.Balance }).FirstOrDefaultAsync(ct);
        if (c is null) return Json(new { text = t["Cliente novo: será cadastrado ao registrar."].Value });
        var text = t["{0} · {1} pontos · {2}% da meta", c.Name ?? Format.Phone(phone), Format.Points(c.Balance), Goal.Percent(c.Balance, program.Goal)].Value;
        if (Goal.IsReached(c.Balance, program.Goal)) text += " · " + t["Ganhou o brinde!"].Value;
        return Json(new { text });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var page = await CustomerQueries.PageAsync(db, links, id, User.IsInRole(Roles.Owner), ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{id:guid}/editar"), Authorize(Policy = Policies.Owner)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var page = await EditCustomerPage.LoadAsync(db, id, null, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:guid}/editar"), Authorize(Policy = Policies.Owner)]
    public async Task<IActionResult> Edit(Guid id, EditCustomerInput input, [FromServices] EditCustomer edit, CancellationToken ct)
    {
        var result = await edit.HandleAsync(id, input, UserId, ct);
        if (result is null) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = t["Dados do cliente salvos."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        result.CopyTo(ModelState);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await EditCustomerPage.LoadAsync(db, id, input, ct));
    }

    [HttpPost("{id:guid}/ajuste"), Authorize(Policy = Policies.Owner)]
    public async Task<IActionResult> Adjust(Guid id, AdjustPointsInput input, [FromServices] AdjustPoints adjust, CancellationToken ct)
    {
        var result = await adjust.HandleAsync(id, input, UserId, ct);
        if (result is null) return NotFound();
        if (result.Succeeded) TempData["Flash"] = t.Plural(result.Value, "Ajuste registrado. Saldo: {0} ponto.", "Ajuste registrado. Saldo: {0} pontos.", Format.Points(result.Value)).Value;
        else TempData["FlashError"] = result.ErrorText;
        return RedirectToAction(nameof(Details), new { id });
    }

    private Guid UserId => User.UserId();
}
