using Hangfire;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.History;

/// <summary>
/// Nightly: every business with buyers gets yesterday (and anything missing of the last 12 months) summed
/// into <see cref="Domain.HistoryDay"/>, so the owner's first Histórico of the day reads stored days only.
/// A view fills what this has not; running twice does nothing the second time.
/// </summary>
public sealed class FillHistoryDays(AppDbContext db, CurrentBusiness current, TimeProvider clock, ILogger<FillHistoryDays> log)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync() =>
        // The businesses with buyers: the RFV job's door answers the same question.
        await current.ForEachAsync(await TenantDoors.SegmentBusinessesAsync(db, CancellationToken.None), async business =>
        {
            var zone = (await db.BusinessAsync(CancellationToken.None)).Zone;
            var today = Domain.Periods.LocalDay(clock.GetUtcNow().UtcDateTime, zone);
            await HistoryDays.EnsureAsync(db, business, zone, HistoryQuery.Starts(HistoryGrain.Month, today)[0], today, CancellationToken.None);
            return 0;
        }, log, "Filling the history days");
}
