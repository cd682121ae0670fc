using System.Diagnostics;
using System.Net.Sockets;
using Hangfire;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Infrastructure.Email;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// The job that builds (once) and emails (once) one report run, with every failure bounded and visible:
/// 1. the attempt is counted and the run's lease taken in a transaction of its own, before anything can
///    fail (a crash later still counts, and the dispatcher retries after the lease);
/// 2. the attempt locks the run (FOR UPDATE) and works only while it owns the lease: it builds the PDFs
///    once and commits them, then locks again, sends, and marks the run Sent right after the mail server
///    accepts, committing that one row with no cancellation token;
/// 3. any failure (building, database, SMTP, cancellation) is recorded with its pt-BR reason and the next
///    attempt's time in a transaction of its own; at <see cref="ReportSchedule.MaxAttempts"/> the run
///    stops, logs an error and shows on the platform page.
/// </summary>
public sealed class SendWeeklyReport(
    AppDbContext db, CurrentBusiness current, BuildWeeklyReports builder, IEmailSender email, ReportLinks reportLinks,
    IOptions<EmailOptions> emailOptions, IOptions<ReportOptions> reportOptions, TimeProvider clock, ILogger<SendWeeklyReport> log,
    IStringLocalizer<SharedResource> t, Cards.CardLinks cardLinks, StopReports stop, Messages.MessageResults messageResults)
{
    /// <summary>Hangfire's entry point. Retries are ours (visible to the owner), not Hangfire's.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid businessId, Guid runId) => SendAsync(businessId, runId, CancellationToken.None);

    /// <summary>Returns the run's status afterwards, or null when there is nothing to do (no run, business inactive).</summary>
    public async Task<ReportRunStatus?> SendAsync(Guid businessId, Guid runId, CancellationToken ct)
    {
        using var _ = current.Use(businessId);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["BusinessId"] = businessId, ["RunId"] = runId });
        var active = await db.Businesses.AsNoTracking().Select(b => (bool?)b.IsActive).SingleOrDefaultAsync(ct);
        if (active != true)
        {
            log.LogInformation("Report run {RunId} skipped: business {BusinessId} is inactive or gone", runId, businessId);
            return null;
        }
        // The run is read fresh under its lock below; an entity a caller still tracks must not stand in for it.
        db.ChangeTracker.Clear();
        var lease = Guid.NewGuid();
        var attempt = await ClaimAsync(runId, lease, ct);
        if (attempt is null) return await StatusAsync(runId);
        try
        {
            return await AttemptAsync(businessId, runId, lease, ct);
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(businessId, runId, lease, attempt.Value, ex);
            return await StatusAsync(runId);
        }
    }

    /// <summary>Counts the attempt and takes the lease, committed at once; null when the run is sent, capped or gone.</summary>
    private async Task<int?> ClaimAsync(Guid runId, Guid lease, CancellationToken ct)
    {
        var until = clock.GetUtcNow().UtcDateTime + reportOptions.Value.Lease;
        var claimed = await db.Database.SqlQuery<int>($"""
            UPDATE report_runs SET attempts = attempts + 1, lease_id = {lease}, next_attempt_at = {until}
            WHERE id = {runId} AND status <> {(int)ReportRunStatus.Sent} AND attempts < {ReportSchedule.MaxAttempts}
            RETURNING attempts AS "Value"
            """).ToListAsync(ct);
        return claimed.Count == 1 ? claimed[0] : null;
    }

    private async Task<ReportRunStatus?> AttemptAsync(Guid businessId, Guid runId, Guid lease, CancellationToken ct)
    {
        // Where a run's time goes, logged with the run (reports-bench.sh sums it: docs/benchmarks.md).
        var started = Stopwatch.GetTimestamp();
        var business = await db.BusinessAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // The week's actions for the email body, read before the run is locked: the lock is held only for sending.
        // This also brings the stored rhythms up to date for "Sua semana", built below inside a transaction.
        var actions = await Agenda.AgendaHighlights.TopAsync(db, cardLinks, t, now, ct);
        var weekStart = await db.ReportRuns.Where(r => r.Id == runId).Select(r => r.WeekStart).SingleAsync(ct);
        var promotions = await Promotions.PromotionSummaries.ForWeekAsync(db, weekStart, weekStart.AddDays(6), now, t, ct);
        var messages = await messageResults.WeeklyLinesAsync(t, ct);
        var zone = business.Zone;
        var trend = await MonthTrend.LinesAsync(db, businessId, weekStart.AddDays(6), zone, Domain.Periods.LocalDay(now, zone), ct);
        var extras = Stopwatch.GetTimestamp();
        ReportRun? run;
        List<ReportFile>? justBuilt = null;
        // 1. Build once. The PDFs (megabytes of WAL to flush) are committed on their own, before sending, so
        //    that the commit after the mail server accepts is one small row: a crash between the two is then
        //    a matter of milliseconds, not of the seconds a big flush takes on a busy disk (docs/reliability.md).
        await using (var build = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await OwnsAsync(runId, lease, ct)) return await StatusAsync(runId);
            run = await db.ReportRuns.SingleAsync(r => r.Id == runId, ct);
            if (run.BuiltAt is null)
            {
                await builder.BuildAsync(run, now, ct);
                await db.SaveChangesAsync(ct);
                await build.CommitAsync(ct);
                // The files are in memory already, no need to read megabytes back.
                justBuilt = db.ReportFiles.Local.Where(f => f.RunId == run.Id).ToList();
            }
        }
        // 2. Send: one message per recipient, each with its own "parar" link (RFC 8058). Each is sent holding the
        //    run's lock, only while the lease is still ours, and recorded in sent_to right after the mail server
        //    accepts it; a later attempt sends only to those not recorded, so nobody gets a run twice.
        var built = Stopwatch.GetTimestamp();
        long sending = 0;
        var files = justBuilt ?? await db.ReportFiles.AsNoTracking().Where(f => f.RunId == runId).ToListAsync(ct);
        var recipients = await RecipientsAsync(businessId, business.Reports, ct);
        if (recipients.Count == 0)
            throw new ReportNotSentException(await NoRecipientReasonAsync(ct));

        // Too big to attach: signed links that open this run's PDFs until they expire.
        IReadOnlyDictionary<ReportKind, string>? links = null;
        var expires = reportLinks.ExpiresFrom(now);
        if (files.Sum(f => (long)f.Content.Length) > reportOptions.Value.AttachUpToBytes)
            links = files.ToDictionary(f => f.Kind, f => reportLinks.UrlFor(businessId, runId, BuildWeeklyReports.Kinds[f.Kind].Slug, expires));
        var delivered = SentToList(run.SentTo);
        var pending = recipients.Where(r => !delivered.Contains(r.Address.Address, StringComparer.OrdinalIgnoreCase)).ToList();
        void MarkSent()
        {
            run.Status = ReportRunStatus.Sent;
            run.SentAt = clock.GetUtcNow().UtcDateTime;
            run.NextAttemptAt = null;
            run.LastError = null;
        }
        foreach (var reader in pending)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await OwnsAsync(runId, lease, ct)) return await StatusAsync(runId);
            var message = ReportEmail.Compose(run, business.Name, business.Program.InactivityDays, emailOptions.Value.From, reader.Address,
                stop.UrlFor(reader), files, links, expires, actions, promotions, trend, messages);
            var sendingStarted = Stopwatch.GetTimestamp();
            await email.SendAsync(message, ct);
            sending += Stopwatch.GetTimestamp() - sendingStarted;
            var accepted = Stopwatch.StartNew();
            // Accepted by the mail server: from here on nothing may undo it, not even a cancelled request.
            delivered.Add(reader.Address.Address);
            run.SentTo = string.Join(", ", delivered);
            // The last one is recorded with Sent in the same commit: no moment where all went and the run says otherwise.
            if (reader == pending[^1]) MarkSent();
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                await tx.CommitAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                await tx.DisposeAsync();
                await RecordAcceptedAsync(run, ex);
            }
            // A crash in this gap is the one way an email goes twice (docs/reliability.md): say when it grows.
            if (accepted.ElapsedMilliseconds > 1000)
                log.LogWarning("Report run {RunId} was recorded {Elapsed} ms after the mail server accepted it", run.Id, accepted.ElapsedMilliseconds);
        }
        if (pending.Count == 0)
        {
            // Everyone left had it already (a recipient stopped or left between attempts): the run is complete.
            MarkSent();
            await db.SaveChangesAsync(CancellationToken.None);
        }
        var end = Stopwatch.GetTimestamp();
        log.LogInformation("Report run {RunId} for week {WeekStart} sent to {Count} recipients in {TotalMs:F0} ms: extras {ExtrasMs:F0} ms, "
            + "build {BuildMs:F0} ms, mail {MailMs:F0} ms, the rest (recipients, locks, records) {RestMs:F0} ms",
            run.Id, run.WeekStart, delivered.Count, Ms(end - started), Ms(extras - started), Ms(built - extras), Ms(sending),
            Ms(end - built - sending));
        return ReportRunStatus.Sent;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static List<string> SentToList(string? sentTo) =>
        string.IsNullOrEmpty(sentTo) ? [] : [.. sentTo.Split(", ", StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// The reason stored on a run that waits for the owner to confirm their email. It is not a failure of ours:
    /// Relatórios shows it in amber, not as "Falhou" (ReportLabels.WaitsForConfirmation).
    /// </summary>
    public const string NoConfirmedRecipient =
        "Nenhum destinatário confirmado: confirme o seu e-mail pelo link que enviamos (tela Relatórios) ou cadastre outro e-mail nas configurações.";

    /// <summary>Why nobody gets the email, in the words the owner can act on.</summary>
    private async Task<string> NoRecipientReasonAsync(CancellationToken ct) =>
        await ActiveOwners(db).AnyAsync(u => u.EmailConfirmed && u.ReportsStoppedAt != null, ct)
            ? "Todos os destinatários pararam de receber os relatórios pelo link do e-mail. Para voltar a receber, use \"Voltar a receber\" na tela Relatórios."
            : NoConfirmedRecipient;

    /// <summary>Locks the run (FOR UPDATE, in the open transaction); true when it is unsent and this attempt holds its lease.</summary>
    private async Task<bool> OwnsAsync(Guid runId, Guid lease, CancellationToken ct)
    {
        var holder = await db.Database.SqlQuery<Guid?>(
            $"SELECT lease_id AS \"Value\" FROM report_runs WHERE id = {runId} AND status <> {(int)ReportRunStatus.Sent} FOR UPDATE").ToListAsync(ct);
        if (holder.Count == 1 && holder[0] == lease) return true;
        if (holder.Count == 1) log.LogInformation("Report run {RunId}: another attempt owns it now; this one sends nothing", runId);
        return false;
    }

    /// <summary>
    /// The mail server accepted but the commit failed: record Sent again on its own, a few times. If the
    /// database stays down, the run's lease runs out and the next attempt resends with the same Message-ID
    /// (the one duplicate that is physically possible; it is logged as such).
    /// </summary>
    private async Task RecordAcceptedAsync(ReportRun run, Exception cause)
    {
        db.ChangeTracker.Clear();
        for (var i = 0; ; i++)
        {
            try
            {
                await db.ReportRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.Status, run.Status).SetProperty(r => r.SentAt, run.SentAt)
                    .SetProperty(r => r.SentTo, run.SentTo).SetProperty(r => r.NextAttemptAt, run.NextAttemptAt)
                    .SetProperty(r => r.LastError, run.LastError), CancellationToken.None);
                log.LogWarning(cause, "Report run {RunId}: accepted by the mail server; the first commit failed, the second recorded it", run.Id);
                // The next recipient's message is recorded through the same entity.
                db.ReportRuns.Attach(run);
                return;
            }
            catch (Exception again) when (i < 2)
            {
                log.LogWarning(again, "Report run {RunId}: recording an accepted send failed, trying again", run.Id);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
            catch (Exception again)
            {
                log.LogError(again, "Report run {RunId} of business {BusinessId} was accepted by the mail server but could not be recorded; the next attempt resends it with Message-ID {MessageId}",
                    run.Id, run.BusinessId, run.MessageId);
                throw new AcceptedButNotRecordedException(again);
            }
        }
    }

    /// <summary>Records a failed attempt on its own (the attempt's transaction is gone), unless another attempt owns the run.</summary>
    private async Task RecordFailureAsync(Guid businessId, Guid runId, Guid lease, int attempt, Exception ex)
    {
        if (ex is AcceptedButNotRecordedException) return; // the database is down; the lease brings the next attempt
        db.ChangeTracker.Clear();
        var capped = attempt >= ReportSchedule.MaxAttempts;
        DateTime? next = capped ? null : clock.GetUtcNow().UtcDateTime + ReportSchedule.RetryDelay(attempt);
        var reason = Describe(ex);
        try
        {
            await db.ReportRuns.Where(r => r.Id == runId && r.LeaseId == lease && r.Status != ReportRunStatus.Sent)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReportRunStatus.Failed).SetProperty(r => r.LastError, reason)
                    .SetProperty(r => r.NextAttemptAt, next), CancellationToken.None);
        }
        catch (Exception dbError)
        {
            // Even this failed (the database is down): the attempt is counted and the lease brings the next one.
            log.LogError(dbError, "Report run {RunId}: could not record the failed attempt {Attempt}", runId, attempt);
        }
        if (capped)
            log.LogError(ex, "Report run {RunId} of business {BusinessId} failed {Attempts} times and stops: {Reason}", runId, businessId, attempt, reason);
        else
            log.LogWarning(ex, "Report run {RunId} attempt {Attempt} failed; next attempt at {NextAttemptAt}", runId, attempt, next);
    }

    private Task<ReportRunStatus?> StatusAsync(Guid runId) =>
        db.ReportRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => (ReportRunStatus?)r.Status).FirstOrDefaultAsync(CancellationToken.None);

    /// <summary>The business's active owners and the extra addresses the owner configured, confirmed and not stopped.</summary>
    private async Task<List<ReportReader>> RecipientsAsync(Guid businessId, ReportSettings settings, CancellationToken ct)
    {
        // Only confirmed addresses: the reports carry customers' personal data.
        var owners = await ActiveOwners(db).Where(u => u.EmailConfirmed && u.ReportsStoppedAt == null)
            .Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(ct);
        var list = owners.Select(o => new ReportReader(businessId, ReaderKind.Owner, o.Id, new MailboxAddress(o.FullName, o.Email!))).ToList();
        var confirmed = await db.ReportRecipients.Where(r => r.ConfirmedAt != null).Select(r => new { r.Id, r.Email }).ToListAsync(ct);
        foreach (var extra in settings.ExtraRecipientList)
            if (confirmed.FirstOrDefault(c => string.Equals(c.Email, extra, StringComparison.OrdinalIgnoreCase)) is { } row
                && !list.Any(m => string.Equals(m.Address.Address, extra, StringComparison.OrdinalIgnoreCase)) && MailboxAddress.TryParse(extra, out var address))
                list.Add(new ReportReader(businessId, ReaderKind.Extra, row.Id, address));
        return list;
    }

    /// <summary>The people who always get the reports: the business's active owners (Dono), oldest first.</summary>
    public static IQueryable<AppUser> ActiveOwners(AppDbContext db) =>
        db.Users.Where(u => u.IsActive && u.Email != null &&
                db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Owner)))
            .OrderBy(u => u.CreatedAt);

    /// <summary>What the owner reads on the Relatórios page, in pt-BR.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        ReportNotSentException r => r.Message,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } s =>
            $"O servidor de e-mail recusou o destinatário {s.Mailbox?.Address}. Confira os endereços nas configurações.",
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } => "O servidor de e-mail recusou o remetente configurado.",
        SmtpCommandException s => $"O servidor de e-mail recusou a mensagem (código {(int)s.StatusCode}).",
        AuthenticationException => "O servidor de e-mail recusou o usuário e a senha configurados.",
        SocketException or SmtpProtocolException or IOException or TimeoutException =>
            "Não foi possível falar com o servidor de e-mail.",
        OperationCanceledException => "O envio foi interrompido antes de terminar.",
        System.Data.Common.DbException or DbUpdateException => "Falha no banco de dados durante o envio.",
        _ => "Erro inesperado ao montar ou enviar os relatórios.",
    };
}

public sealed class ReportNotSentException(string message) : Exception(message);

/// <summary>The mail server accepted, and the database would not record it even on a second try.</summary>
public sealed class AcceptedButNotRecordedException(Exception inner) : Exception("Accepted send could not be recorded.", inner);
