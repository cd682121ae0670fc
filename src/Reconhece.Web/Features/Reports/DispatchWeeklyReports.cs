using Hangfire;
using Microsoft.Extensions.Options;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// The recurring dispatcher (every minute, see Jobs/RecurringJobs). It looks across businesses — one of
/// the few places allowed to — and (1) creates the weekly run of each business whose send moment has
/// come, enqueueing its job, and (2) re-enqueues unsent runs whose next attempt has come. The unique
/// (business, week) key makes two dispatchers (two app instances) create one run; the lease on
/// next_attempt_at keeps a queued run from being enqueued again while it waits.
/// </summary>
public sealed class DispatchWeeklyReports(
    AppDbContext db, CurrentBusiness current, IBackgroundJobClient jobs, IOptions<ReportOptions> options, TimeProvider clock,
    ILogger<DispatchWeeklyReports> log)
{
    /// <summary>How long an enqueued run is left alone before the dispatcher assumes its job was lost.</summary>
    private TimeSpan Lease => options.Value.Lease;

    /// <summary>
    /// Hangfire's entry point. No DisableConcurrentExecution: an instance killed while holding that lock
    /// stalled every dispatch until the lock timed out (docs/reliability.md, killed workers), and two
    /// dispatchers at once are safe anyway: the unique (business, week) key and SKIP LOCKED split the work.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync() => DispatchAsync(clock.GetUtcNow().UtcDateTime, CancellationToken.None);

    /// <summary>Returns the runs it enqueued (new and retried).</summary>
    public async Task<IReadOnlyList<(Guid BusinessId, Guid RunId)>> DispatchAsync(DateTime utcNow, CancellationToken ct)
    {
        var enqueued = new List<(Guid, Guid)>();
        var businesses = await TenantDoors.WeeklyReportBusinessesAsync(db, ct);
        foreach (var b in businesses)
        {
            // Each business on its own: one bad one (a time zone gone, a local time that does not exist) is
            // logged and skipped, and the others still get their reports.
            try
            {
                var week = ReportSchedule.DueWeek(utcNow, BrazilTimeZones.Find(b.TimeZoneId), b.Schedule, b.CreatedAt);
                if (week is null || b.LastWeek >= week) continue;
                Guid? runId;
                using (current.Use(b.Id)) runId = await WeeklyRuns.CreateAsync(db, b.Id, week.Value, utcNow, Lease, ct);
                if (runId is null) continue; // another instance created it first
                jobs.Enqueue<SendWeeklyReport>(j => j.RunAsync(b.Id, runId.Value));
                enqueued.Add((b.Id, runId.Value));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Report dispatcher skipped business {BusinessId}", b.Id);
            }
        }

        // Retries: claim each due run by moving its next attempt a lease ahead, then enqueue it.
        var retries = await TenantDoors.ClaimDueReportRetriesAsync(db, utcNow, utcNow + Lease, ct);
        foreach (var r in retries)
        {
            jobs.Enqueue<SendWeeklyReport>(j => j.RunAsync(r.BusinessId, r.RunId));
            enqueued.Add((r.BusinessId, r.RunId));
        }
        if (enqueued.Count > 0) log.LogInformation("Report dispatcher enqueued {Count} runs ({Retries} retries)", enqueued.Count, retries.Count);
        return enqueued;
    }
}
