using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Agenda;

public sealed record AgendaSettingsForm(AgendaSettingsInput Input, IReadOnlyDictionary<AgendaList, string> Defaults,
    IReadOnlyDictionary<AgendaList, string> Previews, string PreviewName);

/// <summary>Ações › Configurações (owner).</summary>
[Authorize(Policy = Policies.Owner), Route("/acoes/configuracoes")]
public sealed class AgendaSettingsController(AppDbContext db, SaveAgendaSettings save, Cards.CardLinks links, IStringLocalizer<SharedResource> t) : Controller
{
    private const string ViewPath = "/Features/Agenda/Settings.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        return View(ViewPath, await FormAsync(context, AgendaSettingsInput.From(context.Settings), ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(AgendaSettingsInput input, CancellationToken ct)
    {
        var result = await save.HandleAsync(input, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(ViewPath, await FormAsync(await AgendaContext.LoadAsync(db, ct), input, ct));
        }
        TempData["Flash"] = t["Configurações das Ações salvas."].Value;
        return Redirect("/acoes/configuracoes");
    }

    /// <summary>Each message as a real customer would read it: the most recent buyer, or an example.</summary>
    private async Task<AgendaSettingsForm> FormAsync(AgendaContext context, AgendaSettingsInput input, CancellationToken ct)
    {
        var sample = await db.Customers.Where(c => c.LastPurchaseAt != null).OrderByDescending(c => c.LastPurchaseAt)
            .Select(c => new { c.Id, c.Name, c.Balance, c.CardGeneration }).FirstOrDefaultAsync(ct);
        var fields = new MessageFields(sample?.Name ?? t["Maria Exemplo"], context.BusinessName, sample?.Balance ?? context.Goal * 0.8m, context.Goal, context.Prize,
            sample is null ? links.Url(context.BusinessId, Guid.Empty, 0) : links.Url(context.BusinessId, sample.Id, sample.CardGeneration));
        var defaults = AgendaLists.Daily.ToDictionary(l => l, l => l == AgendaList.Goal && !string.IsNullOrWhiteSpace(context.InvitationMessage)
            ? context.InvitationMessage : AgendaLists.DefaultTemplate(l, t));
        var previews = input.Templates().ToDictionary(x => x.List, x => Invitation.Render(string.IsNullOrWhiteSpace(x.Text) ? defaults[x.List] : x.Text, fields));
        return new AgendaSettingsForm(input, defaults, previews, fields.CustomerName!);
    }
}
