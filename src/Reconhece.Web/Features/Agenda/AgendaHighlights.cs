using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Agenda;

/// <summary>One action the weekly email suggests: whom, why, and the WhatsApp link with the message ready.</summary>
public sealed record AgendaAction(string Who, string Why, Uri WhatsApp);

/// <summary>
/// The most valuable actions of the week for the weekly email: the agenda's lists in their order of
/// importance (those waiting for their recognition longest, then the biggest spenders who are fading,
/// then those closest to the goal), at most <see cref="Count"/>. Customers who do not want contact are
/// never among them (the agenda leaves them out).
/// </summary>
public static class AgendaHighlights
{
    public const int Count = 10;

    private static readonly AgendaList[] ByValue = [AgendaList.Goal, AgendaList.Fading, AgendaList.NearGoal];

    public static async Task<IReadOnlyList<AgendaAction>> TopAsync(AppDbContext db, Cards.CardLinks links, IStringLocalizer<SharedResource> t, DateTime utcNow,
        CancellationToken ct, int count = Count)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        await AgendaQuery.RefreshRhythmsAsync(db, context.BusinessId, ct);
        var actions = new List<AgendaAction>();
        foreach (var list in ByValue)
        {
            if (actions.Count >= count) break;
            var template = AgendaLists.TemplateFor(list, context, t);
            var rows = await AgendaQuery.PageAsync(db, context, list, null, utcNow, 1, ct);
            actions.AddRange(rows.Take(count - actions.Count).Select(r => new AgendaAction(
                r.Name ?? Shared.Format.Phone(r.Phone), AgendaLists.Why(r, list, context, utcNow, t), AgendaLists.WhatsApp(r, template, context, links))));
        }
        return actions;
    }
}
