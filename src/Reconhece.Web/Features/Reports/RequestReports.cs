using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>What a press of "Gerar agora" or "Enviar agora" led to.</summary>
public sealed record ReportRequestOutcome(Guid RunId, ReportRunStatus? Status, bool Replayed);

/// <summary>
/// "Gerar agora" and "Enviar agora" on the Relatórios page, for the last complete week. Each form carries a
/// request key, stored with the run it led to (report_requests): a replay of the same form, in parallel or
/// long after the first press finished, finds that run and never builds or sends again.
/// </summary>
public sealed class RequestReports(
    AppDbContext db, CurrentBusiness current, BuildWeeklyReports builder, SendWeeklyReport sender, IOptions<ReportOptions> options, TimeProvider clock)
{
    /// <summary>Builds the PDFs now (nothing is emailed); returns the run to download them from.</summary>
    public async Task<ReportRequestOutcome> GenerateAsync(Guid requestKey, CancellationToken ct)
    {
        if (await FindAsync(requestKey, ct) is { } existing) return existing;
        var now = clock.GetUtcNow().UtcDateTime;
        var run = NewExtraRun(await LastCompleteWeekAsync(now, ct), now);
        db.ReportRuns.Add(run);
        // "Sua semana" names Início's first contacts from the stored rhythms (AgendaHighlights.RowsAsync): brought up to date first.
        await Agenda.AgendaQuery.RefreshRhythmsAsync(db, current.RequiredId, ct);
        await builder.BuildAsync(run, now, ct);
        return await RecordAsync(requestKey, run.Id, send: false, now, ct) ?? new ReportRequestOutcome(run.Id, run.Status, false);
    }

    /// <summary>
    /// Sends the last complete week's reports now. While that week's weekly email has not gone out, this
    /// is it (the schedule will not send it again); once it has, this sends an extra copy.
    /// </summary>
    public async Task<ReportRequestOutcome> SendNowAsync(Guid requestKey, CancellationToken ct)
    {
        if (await FindAsync(requestKey, ct) is { } existing) return existing;
        var now = clock.GetUtcNow().UtcDateTime;
        var week = await LastCompleteWeekAsync(now, ct);
        var businessId = current.RequiredId;

        var weekly = await WeeklyRunAsync(week, ct);
        if (weekly is null)
        {
            await WeeklyRuns.CreateAsync(db, businessId, week, now, options.Value.Lease, ct);
            weekly = await WeeklyRunAsync(week, ct);
        }
        Guid targetId;
        if (weekly!.Status == ReportRunStatus.Sent)
        {
            var extra = NewExtraRun(week, now);
            db.ReportRuns.Add(extra);
            targetId = extra.Id;
        }
        else targetId = weekly.Id;
        // The key is stored before sending: a twin request that got there first wins, and this one sends nothing.
        if (await RecordAsync(requestKey, targetId, send: true, now, ct) is { } twin) return twin;
        return new ReportRequestOutcome(targetId, await sender.SendAsync(businessId, targetId, ct), false);
    }

    private Task<ReportRun?> WeeklyRunAsync(DateOnly week, CancellationToken ct) =>
        db.ReportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.IsWeekly && r.WeekStart == week, ct);

    private async Task<ReportRequestOutcome?> FindAsync(Guid key, CancellationToken ct)
    {
        var found = await db.ReportRequests.Where(r => r.Key == key)
            .Select(r => new { r.RunId, Status = db.ReportRuns.Where(x => x.Id == r.RunId).Select(x => (ReportRunStatus?)x.Status).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new ReportRequestOutcome(found.RunId, found.Status, Replayed: true);
    }

    private async Task<DateOnly> LastCompleteWeekAsync(DateTime now, CancellationToken ct) =>
        ReportSchedule.LastCompleteWeek(now, (await db.BusinessAsync(ct)).Zone);

    private ReportRun NewExtraRun(DateOnly week, DateTime now)
    {
        var id = Guid.NewGuid();
        return new ReportRun
        {
            Id = id, BusinessId = current.RequiredId, WeekStart = week, IsWeekly = false, Status = ReportRunStatus.Pending,
            CreatedAt = now, MessageId = WeeklyRuns.MessageIdFor(id),
        };
    }

    /// <summary>Saves the key (and any new run); when a twin request saved the key first, returns what it led to.</summary>
    private async Task<ReportRequestOutcome?> RecordAsync(Guid key, Guid runId, bool send, DateTime now, CancellationToken ct)
    {
        db.ReportRequests.Add(new ReportRequest { Key = key, RunId = runId, Send = send, At = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await FindAsync(key, ct) ?? throw new InvalidOperationException("Report request vanished.", e);
        }
    }
}
