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
        var (context, rows) = await LoadAsync(db, t, utcNow, count, ct);
        return rows.Select(h => new AgendaAction(h.Row.Name ?? Shared.Format.Phone(h.Row.Phone), h.Why,
            AgendaLists.WhatsApp(h.Row, AgendaLists.TemplateFor(h.List, context, t), context, links))).ToList();
    }

    /// <summary>
    /// The same people, with their list and reason, for a page that links them its own way (the weekly PDF's
    /// short links). It reads the stored rhythms as they are: the PDF is built inside a transaction, where
    /// refreshing them would keep those customers' rows locked (and their purchases waiting) for the whole
    /// build, so its callers refresh first (<see cref="AgendaQuery.RefreshRhythmsAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<AgendaHighlight>> RowsAsync(AppDbContext db, IStringLocalizer<SharedResource> t, DateTime utcNow,
        CancellationToken ct, int count = Count) => (await LoadAsync(db, t, utcNow, count, ct, refresh: false)).Rows;

    private static async Task<(AgendaContext Context, List<AgendaHighlight> Rows)> LoadAsync(AppDbContext db, IStringLocalizer<SharedResource> t,
        DateTime utcNow, int count, CancellationToken ct, bool refresh = true)
    {
        var context = await AgendaContext.LoadAsync(db, ct);
        if (refresh) await AgendaQuery.RefreshRhythmsAsync(db, context.BusinessId, ct);
        var highlights = new List<AgendaHighlight>();
        foreach (var list in ByValue)
        {
            if (highlights.Count >= count) break;
            var rows = await AgendaQuery.PageAsync(db, context, list, null, utcNow, 1, ct);
            highlights.AddRange(rows.Take(count - highlights.Count).Select(r => new AgendaHighlight(r, list, AgendaLists.Why(r, list, context, utcNow, t))));
        }
        return (context, highlights);
    }
}

/// <summary>One of the highlighted people: their agenda row, the list they are on and why, in words.</summary>
public sealed record AgendaHighlight(AgendaRow Row, AgendaList List, string Why);
