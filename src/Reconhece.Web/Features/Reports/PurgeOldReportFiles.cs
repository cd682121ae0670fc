using Hangfire;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// Daily: deletes the PDFs of runs older than <c>Reports:KeepFilesDays</c> (default 180). The run rows stay,
/// with their headline numbers and sending history; the Relatórios page says the files were removed.
/// Without it the stored PDFs would grow by gigabytes a week across all businesses.
/// </summary>
public sealed class PurgeOldReportFiles(AppDbContext db, Microsoft.Extensions.Options.IOptions<ReportOptions> options, TimeProvider clock, ILogger<PurgeOldReportFiles> log)
{
    public int KeepDays => options.Value.KeepFilesDays;

    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync() => PurgeAsync(clock.GetUtcNow().UtcDateTime, CancellationToken.None);

    public async Task<int> PurgeAsync(DateTime utcNow, CancellationToken ct)
    {
        var before = utcNow.AddDays(-KeepDays);
        // Across businesses, like the dispatcher: one retention rule for all.
        var deleted = await TenantDoors.PurgeReportFilesAsync(db, before, ct);
        if (deleted > 0) log.LogInformation("Deleted {Count} report PDFs older than {Days} days", deleted, KeepDays);
        return deleted;
    }
}
