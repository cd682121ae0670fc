using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// "Gerar agora" and "Enviar agora" on the Relatórios page, for the last complete week. Each form carries
/// a request key: a double tap finds the run the first tap made instead of building or sending again.
/// </summary>
public sealed class RequestReports(AppDbContext db, CurrentBusiness current, BuildWeeklyReports builder, SendWeeklyReport sender, TimeProvider clock)
{
    /// <summary>Builds the four PDFs now (nothing is emailed); returns the run to download them from.</summary>
    public async Task<Guid> GenerateAsync(Guid requestKey, CancellationToken ct)
    {
        if (await RunIdByKeyAsync(requestKey, ct) is { } existing) return existing;
        var now = clock.GetUtcNow().UtcDateTime;
        var run = NewExtraRun(await LastCompleteWeekAsync(now, ct), now, requestKey);
        db.ReportRuns.Add(run);
        await builder.BuildAsync(run, now, ct);
        return await SaveOrFindAsync(run, requestKey, ct);
    }

    /// <summary>
    /// Sends the last complete week's reports now. While that week's weekly email has not gone out, this
    /// is it (the schedule will not send it again); once it has, this sends an extra copy.
    /// </summary>
    public async Task<(Guid RunId, ReportRunStatus? Status)> SendNowAsync(Guid requestKey, CancellationToken ct)
    {
        if (await RunIdByKeyAsync(requestKey, ct) is { } existing)
            return (existing, await db.ReportRuns.Where(r => r.Id == existing).Select(r => r.Status).SingleAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var week = await LastCompleteWeekAsync(now, ct);
        var businessId = current.RequiredId;

        var weekly = await WeeklyRunAsync(week, ct);
        if (weekly is null)
        {
            await WeeklyRuns.CreateAsync(db, businessId, week, now, DispatchWeeklyReports.Lease, ct);
            weekly = await WeeklyRunAsync(week, ct);
        }
        var targetId = weekly!.Status == ReportRunStatus.Sent
            ? await SaveOrFindAsync(NewExtraRun(week, now, requestKey), requestKey, ct)
            : weekly.Id;
        return (targetId, await sender.SendAsync(businessId, targetId, ct));
    }

    private Task<ReportRun?> WeeklyRunAsync(DateOnly week, CancellationToken ct) =>
        db.ReportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.IsWeekly && r.WeekStart == week, ct);

    private Task<Guid?> RunIdByKeyAsync(Guid key, CancellationToken ct) =>
        db.ReportRuns.Where(r => r.RequestKey == key).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    private async Task<DateOnly> LastCompleteWeekAsync(DateTime now, CancellationToken ct) =>
        ReportSchedule.LastCompleteWeek(now, await db.ZoneAsync(ct));

    private ReportRun NewExtraRun(DateOnly week, DateTime now, Guid requestKey)
    {
        var id = Guid.NewGuid();
        return new ReportRun
        {
            Id = id, BusinessId = current.RequiredId, WeekStart = week, IsWeekly = false, Status = ReportRunStatus.Pending,
            CreatedAt = now, MessageId = WeeklyRuns.MessageIdFor(id), RequestKey = requestKey,
        };
    }

    /// <summary>Saves a new run; when a twin request saved one with the same key first, returns that one.</summary>
    private async Task<Guid> SaveOrFindAsync(ReportRun run, Guid requestKey, CancellationToken ct)
    {
        if (db.Entry(run).State == EntityState.Detached) db.ReportRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            return run.Id;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await RunIdByKeyAsync(requestKey, ct) ?? throw new InvalidOperationException("Report run vanished.", e);
        }
    }
}
