using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Agenda;

/// <summary>
/// Ações: the daily agenda of whom to contact, a WhatsApp message ready for each, the contacts logged and
/// whether they brought the customer back. The owner always sees it; staff when the owner allows, and
/// then only the customers whose last purchase was at their branch.
/// </summary>
[Authorize(Policy = Policies.Staff), Route("/acoes")]
public sealed class AgendaController(AppDbContext db, Cards.CardLinks links, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The results shown cover the contacts of the last this many days.</summary>
    public const int ResultsDays = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? lista, int pagina, [FromServices] LogContact log, CancellationToken ct)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        var (allowed, branch) = await ScopeAsync(context, ct);
        if (!allowed) return View("Closed");
        var now = clock.GetUtcNow().UtcDateTime;
        await AgendaQuery.RefreshRhythmsAsync(db, context.BusinessId, ct);
        var counts = await AgendaQuery.CountsAsync(db, context, branch, now, ct);
        var list = AgendaLists.FromSlug(lista) ?? AgendaLists.Daily.FirstOrDefault(l => counts.GetValueOrDefault(l) > 0, AgendaList.Goal);
        var pages = Math.Max(1, (counts.GetValueOrDefault(list) + AgendaQuery.PageSize - 1) / AgendaQuery.PageSize);
        var page = Math.Clamp(pagina, 1, pages);
        var rows = await AgendaQuery.PageAsync(db, context, list, branch, now, page, ct);
        var template = AgendaLists.TemplateFor(list, context, t);
        var items = rows.Select(r => new AgendaItem(r, AgendaLists.Why(r, list, context, now, t),
            AgendaLists.WhatsApp(r, template, context, links), Guid.NewGuid())).ToList();
        var isOwner = User.IsInRole(Roles.Owner);
        var results = await AgendaResultsQuery.LoadAsync(db, context.BusinessId, context.Settings.ConversionDays, now, ResultsDays,
            isOwner ? null : User.UserId(), ct);
        return View(new AgendaPage(context, list, counts, items, page, pages, results, isOwner) { Recent = await log.RecentAsync(User.UserId(), ct) });
    }

    /// <summary>
    /// "Contato feito" by a channel, or with <c>abrir</c> "Enviar no WhatsApp": the contact is logged and the answer
    /// opens WhatsApp with the message. <c>proximo</c> is the card after this one, to come back to instead of the top.
    /// </summary>
    [HttpPost("contato")]
    public async Task<IActionResult> Contact(ContactInput input, string? lista, int pagina, bool abrir, Guid? proximo,
        [FromServices] LogContact log, CancellationToken ct)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        var (allowed, branch) = await ScopeAsync(context, ct);
        if (!allowed) return NotFound();
        // The agenda's rows name their list in the address; a form that sends List itself keeps it.
        if (AgendaLists.FromSlug(lista) is { } fromAddress && !Request.Form.ContainsKey(nameof(ContactInput.List))) input.List = fromAddress;
        var result = await log.HandleAsync(input, User.UserId(), branch, ct);
        if (result is null) return NotFound();
        if (result.Succeeded && abrir)
        {
            var c = await db.Customers.Where(x => x.Id == input.CustomerId).Select(x => new { x.Name, x.Phone, x.Balance, x.CardGeneration }).SingleAsync(ct);
            return Redirect(AgendaLists.WhatsApp(input.CustomerId, c.Name, c.Phone, c.Balance, c.CardGeneration,
                AgendaLists.TemplateFor(input.List, context, t), context, links).AbsoluteUri);
        }
        if (!result.Succeeded) TempData["FlashError"] = result.ErrorText;
        else TempData["Flash"] = result.Value == ContactOutcome.Logged
            ? t["Contato registrado. O cliente sai da agenda por {0} dias.", LogContact.RestDays].Value
            : t["Este contato já tinha sido registrado."].Value;
        return BackTo(lista, pagina, proximo);
    }

    /// <summary>"Desfazer" a contact just logged by the same person (<see cref="LogContact.UndoWindow"/>).</summary>
    [HttpPost("contato/desfazer")]
    public async Task<IActionResult> Undo(Guid key, string? lista, int pagina, [FromServices] LogContact log, CancellationToken ct)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        var (allowed, _) = await ScopeAsync(context, ct);
        if (!allowed) return NotFound();
        if (await log.UndoAsync(key, User.UserId(), ct)) TempData["Flash"] = t["Contato desfeito: o cliente voltou para a lista."].Value;
        else TempData["FlashError"] = t.Plural((int)LogContact.UndoWindow.TotalMinutes, "Este contato não pode mais ser desfeito: só quem registrou, no primeiro {0} minuto.",
            "Este contato não pode mais ser desfeito: só quem registrou, nos primeiros {0} minutos.", (int)LogContact.UndoWindow.TotalMinutes).Value;
        return BackTo(lista, pagina);
    }

    [HttpPost("adiar")]
    public async Task<IActionResult> Snooze(Guid customerId, string? lista, int pagina, Guid? proximo, [FromServices] LogContact log, CancellationToken ct)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        var (allowed, branch) = await ScopeAsync(context, ct);
        if (!allowed || !await log.SnoozeAsync(customerId, branch, ct)) return NotFound();
        TempData["Flash"] = t["Adiado: o cliente volta à agenda em {0} dias.", LogContact.RestDays].Value;
        return BackTo(lista, pagina, proximo);
    }

    /// <summary>Who may see which customers: the owner all; staff, if allowed, their branch's (none without a branch).</summary>
    private async Task<(bool Allowed, Guid? Branch)> ScopeAsync(AgendaContext context, CancellationToken ct)
    {
        if (User.IsInRole(Roles.Owner)) return (true, null);
        if (!context.Settings.StaffSeesAgenda) return (false, null);
        var userId = User.UserId();
        var branch = await db.Users.Where(u => u.Id == userId).Select(u => u.BranchId).SingleOrDefaultAsync(ct);
        return (true, branch ?? Guid.Empty);
    }

    /// <summary>Back to the list, at the next card when there is one (its id is only an anchor on the page).</summary>
    private RedirectResult BackTo(string? lista, int pagina, Guid? next = null) =>
        Redirect($"/acoes?lista={Uri.EscapeDataString(AgendaLists.FromSlug(lista) is { } l ? AgendaLists.Slug(l) : "meta")}&pagina={Math.Max(1, pagina)}"
            + (next is { } id ? $"#c-{id}" : ""));
}
