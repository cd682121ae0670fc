using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Promotions;

/// <summary>
/// The weekly email's "Promoções da semana": one line for every promotion running or ended in the report's
/// week, with its uses and the verdict so far, as the result page computes them.
/// </summary>
public static class PromotionSummaries
{
    public static async Task<List<string>> ForWeekAsync(AppDbContext db, DateOnly weekStart, DateOnly weekEnd, DateTime utcNow,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var zone = (await db.BusinessAsync(ct)).Zone;
        var from = TimeZoneInfo.ConvertTimeToUtc(weekStart.ToDateTime(TimeOnly.MinValue), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(weekEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var ids = await db.Promotions.Where(p => p.StartsAt < to && (p.StoppedAt ?? p.EndsAt) > from && p.StartsAt <= utcNow)
            .OrderBy(p => p.StartsAt).Select(p => p.Id).ToListAsync(ct);
        var lines = new List<string>();
        foreach (var id in ids)
        {
            var r = (await PromotionResults.LoadAsync(db, id, utcNow, ct))!;
            var verdict = PromotionVerdict.ForEmail(r, t);
            lines.Add(t["{0} ({1}): {2}, {3}, {4} pontos de bônus; {5}{6}.",
                r.Promotion.Name, r.Ended ? t["encerrada"] : t["em andamento"], Format.Count(r.Uses, t["uso"], t["usos"]),
                Format.Count(r.Participants, t["cliente"], t["clientes"]), Format.Points(r.BonusPoints),
                verdict, r.Ended ? "" : t[" até agora"]]);
        }
        return lines;
    }
}
