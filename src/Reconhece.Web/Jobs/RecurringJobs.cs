using Hangfire;
using Reconhece.Web.Features.Reports;
using Reconhece.Web.Identity;

namespace Reconhece.Web.Jobs;

/// <summary>
/// Every recurring schedule of the app, in one place. Cron expressions run in UTC: each business's own
/// time zone is applied inside the job (the dispatcher), so one schedule serves all of them.
/// </summary>
public static class RecurringJobs
{
    public const string WeeklyReports = "weekly-reports-dispatcher";
    public const string ReportFilesRetention = "report-files-retention";
    public const string SessionsRetention = "sessions-retention";
    public const string Invariants = "invariants-check";
    public const string CustomerRetention = "customer-retention";
    public const string PointsExpiry = "points-expiry";
    public const string Segments = "rfv-segments";
    public const string HistoryDays = "history-days";
    public const string Messages = "automatic-messages";
    /// <summary>Not a recurring job: run-nightly's name for planning alone (the benchmark times it).</summary>
    public const string MessagesPlan = "automatic-messages-plan";

    public static void Register(IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        // Every minute: the send moment is an hour in each business's zone; this finds it within a minute.
        manager.AddOrUpdate<DispatchWeeklyReports>(WeeklyReports, d => d.RunAsync(), Cron.Minutely(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Daily at 06:00 UTC (03:00 in Brasília), when no business sends reports by default.
        manager.AddOrUpdate<PurgeOldReportFiles>(ReportFilesRetention, p => p.RunAsync(), Cron.Daily(6),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Daily: sessions that expired without a sign-out (a phone that never came back).
        manager.AddOrUpdate<PurgeExpiredSessions>(SessionsRetention, p => p.RunAsync(), Cron.Daily(6),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Nightly at 07:00 UTC (04:00 in Brasília): the data promises, for every business.
        manager.AddOrUpdate<Features.Platform.CheckInvariants>(Invariants, c => c.RunAsync(), Cron.Daily(7),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Daily at 06:30 UTC: customers past their business's retention period are anonymised (LGPD).
        manager.AddOrUpdate<Features.Privacy.ApplyRetention>(CustomerRetention, r => r.RunAsync(), "30 6 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Daily at 06:45 UTC (03:45 in Brasília): points past their business's expiry leave the balances.
        manager.AddOrUpdate<Features.Points.ExpirePoints>(PointsExpiry, e => e.RunAsync(), "45 6 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Nightly at 07:15 UTC (04:15 in Brasília): yesterday's purchases summed for Histórico.
        manager.AddOrUpdate<Features.History.FillHistoryDays>(HistoryDays, f => f.RunAsync(), "15 7 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Nightly at 07:30 UTC (04:30 in Brasília): every business's RFV segments, after the expiry.
        manager.AddOrUpdate<Features.Segments.RecomputeSegments>(Segments, r => r.RunAsync(), "30 7 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Every 10 minutes: the automatic messages of the businesses that turned a trigger on, planned and
        // sent inside each one's sending hours (docs/messages.md).
        manager.AddOrUpdate<Features.Messages.RunMessages>(Messages, r => r.RunAsync(), "*/10 * * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
