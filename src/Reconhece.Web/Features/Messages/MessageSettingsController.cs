using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Messages;

/// <summary>One trigger on the page: what it is, how many the list holds now, and its message for a real customer.</summary>
public sealed record TriggerRow(MessageTrigger Trigger, string Title, string When, int OnListNow, string Preview, string PreviewName);

public sealed record MessageSettingsPage(MessageSettingsInput Input, IReadOnlyList<TriggerRow> Triggers, bool CollectsEmail,
    int CustomersWithEmail, int Customers, IReadOnlyDictionary<OutboxStatus, int> LastThirtyDays, WhatsAppChannel WhatsApp, int WhatsAppTemplates,
    int OnTheLists, int SentToday)
{
    /// <summary>What would leave today with the form's choices: the lists less the holdout, within what the daily limit leaves.</summary>
    public int TodayAtMost
    {
        get
        {
            var holdout = int.TryParse(Input.HoldoutPercent, out var h) && h is >= 0 and <= 50 ? h : 10;
            var limit = int.TryParse(Input.DailyLimit, out var l) && l > 0 ? l : int.MaxValue;
            return Math.Max(0, Math.Min((int)Math.Ceiling(OnTheLists * (100 - holdout) / 100.0), limit - SentToday));
        }
    }
}

/// <summary>Ações › Mensagens automáticas (owner, docs/messages.md).</summary>
[Authorize(Policy = Policies.Owner), Route("/acoes/automaticas")]
public sealed class MessageSettingsController(AppDbContext db, SaveMessageSettings save, MessageResults results, Cards.CardLinks links, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const string ViewPath = "/Features/Messages/Settings.cshtml";

    /// <summary>Resultados: each trigger against its holdout.</summary>
    [HttpGet("resultados")]
    public async Task<IActionResult> Results(CancellationToken ct) => View("/Features/Messages/Results.cshtml", await results.LoadAsync(ct));

    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct) =>
        View(ViewPath, await PageAsync(MessageSettingsInput.From((await db.BusinessAsync(ct)).Messages), ct));

    [HttpPost("")]
    public async Task<IActionResult> Edit(MessageSettingsInput input, CancellationToken ct)
    {
        var result = await save.HandleAsync(input, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(ViewPath, await PageAsync(input, ct));
        }
        TempData["Flash"] = t["Mensagens automáticas salvas."].Value;
        return Redirect("/acoes/automaticas");
    }

    private async Task<MessageSettingsPage> PageAsync(MessageSettingsInput input, CancellationToken ct)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await AgendaQuery.CountsAsync(db, context, null, now, ct);
        var rows = new List<TriggerRow>();
        foreach (var trigger in SendMessages.ByValue.Where(MessageTriggers.Planned.Contains))
        {
            var list = MessageTriggers.List(trigger);
            // The message as the first customer of its list would get it now, or as an example customer.
            var first = (await AgendaQuery.PageAsync(db, context, list, null, now, 1, ct)).FirstOrDefault();
            var fields = new MessageFields(first?.Name ?? t["Maria Exemplo"], context.BusinessName, first?.Balance ?? context.Goal * 0.8m, context.Goal,
                context.Prize, first is null ? links.Url(context.BusinessId, Guid.Empty, 0) : links.Url(context.BusinessId, first.Id, first.CardGeneration));
            rows.Add(new TriggerRow(trigger, AgendaLists.Title(list, t), When(trigger), counts.GetValueOrDefault(list),
                Invitation.Render(AgendaLists.TemplateFor(list, context, t), fields), fields.CustomerName!));
        }
        var since = now.AddDays(-30);
        var outbox = await db.OutboxMessages.Where(m => m.PlannedAt >= since).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var business = await db.BusinessAsync(ct);
        // The day's count before anything leaves: the distinct customers the triggers turned on in the form would message now.
        var chosen = MessageTriggers.Planned.Where(x => input.Triggers.Contains(x.ToString())).Select(x => (int)MessageTriggers.List(x)).ToList();
        var onTheLists = chosen.Count == 0 ? 0 : (await AgendaQuery.MembersAsync(db, context, chosen, now, ct)).Select(r => r.Id).Distinct().Count();
        return new MessageSettingsPage(input, rows, business.Program.CollectEmail,
            await db.Customers.CountAsync(c => c.Email != null && c.EmailOptOutAt == null && c.AnonymizedAt == null, ct),
            await db.Customers.CountAsync(c => c.Visits > 0 && c.AnonymizedAt == null, ct), outbox, business.WhatsApp,
            await db.WhatsAppTemplates.CountAsync(ct), onTheLists, await SendMessages.SentTodayAsync(db, business, now, ct));
    }

    private string When(MessageTrigger trigger) => trigger switch
    {
        MessageTrigger.Welcome => t["No dia seguinte à primeira compra, uma vez por cliente."],
        MessageTrigger.GoalReached => t["Quando o cliente chega à meta, uma vez a cada meta atingida."],
        MessageTrigger.NearGoal => t["Quando o saldo passa da porcentagem de \"Quase lá\", uma vez a cada brinde."],
        MessageTrigger.Expiring => t["Alguns dias antes de os pontos vencerem, uma vez a cada vencimento."],
        MessageTrigger.Fading => t["Quando o cliente some além do costume dele, uma vez a cada ausência."],
        MessageTrigger.Birthday => t["No dia do aniversário (ou na segunda-feira da semana), uma vez por ano."],
        _ => "",
    };
}
