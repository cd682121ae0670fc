using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Reports;

public sealed record ReportFileLink(ReportKind Kind, string Title, string Slug, int Pages);

public sealed record ReportRunRow(
    Guid Id, DateOnly WeekStart, bool IsWeekly, ReportRunStatus Status, DateTime CreatedAt, DateTime? SentAt, string? SentTo,
    DateTime? NextAttemptAt, string? LastError, bool Built, int NewCustomers, int Eligible, int Inactive, IReadOnlyList<ReportFileLink> Files);

public sealed record ReportsPage(
    IReadOnlyList<ReportRunRow> Runs, ReportSettings Settings, IReadOnlyList<string> OwnerEmails, DateTime NextSendUtc,
    DateOnly LastCompleteWeek, TimeZoneInfo Zone, DateTime NowUtc, int KeepFilesDays, Guid GenerateKey, Guid SendKey)
{
    /// <summary>Every address the settings name, with whether it is confirmed (only those get the email).</summary>
    public IReadOnlyList<RecipientStatus> Recipients { get; init; } = [];
}

/// <summary>The Relatórios page: past runs (newest first) with their PDFs, and what happens next.</summary>
public static class ReportQueries
{
    public const int PageSize = 30;

    public static async Task<ReportsPage> LoadAsync(AppDbContext db, DateTime utcNow, int keepFilesDays, CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        var zone = business.Zone;
        var runs = await db.ReportRuns.AsNoTracking().OrderByDescending(r => r.WeekStart).ThenByDescending(r => r.CreatedAt).Take(PageSize)
            .Select(r => new
            {
                r.Id, r.WeekStart, r.IsWeekly, r.Status, r.CreatedAt, r.SentAt, r.SentTo, r.NextAttemptAt, r.LastError, r.BuiltAt,
                r.NewCustomers, r.EligibleCustomers, r.InactiveCustomers,
                Files = db.ReportFiles.Where(f => f.RunId == r.Id).Select(f => new { f.Kind, f.Pages }).ToList(),
            })
            .ToListAsync(ct);
        var owners = await SendWeeklyReport.ActiveOwners(db).Select(u => u.Email!).ToListAsync(ct);
        var rows = runs.Select(r => new ReportRunRow(r.Id, r.WeekStart, r.IsWeekly, r.Status, r.CreatedAt, r.SentAt, r.SentTo,
            r.NextAttemptAt, r.LastError, r.BuiltAt != null, r.NewCustomers, r.EligibleCustomers, r.InactiveCustomers,
            r.Files.OrderBy(f => BuildWeeklyReports.Position(f.Kind)).Select(f => new ReportFileLink(f.Kind, BuildWeeklyReports.Kinds[f.Kind].Title, BuildWeeklyReports.Kinds[f.Kind].Slug, f.Pages)).ToList())).ToList();
        return new ReportsPage(rows, business.Reports, owners,
            ReportSchedule.NextMoment(utcNow, zone, business.Reports.Weekday, business.Reports.Hour),
            ReportSchedule.LastCompleteWeek(utcNow, zone), zone, utcNow, keepFilesDays, Guid.NewGuid(), Guid.NewGuid());
    }
}
