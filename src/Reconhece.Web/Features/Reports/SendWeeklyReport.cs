using System.Net.Sockets;
using Hangfire;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Infrastructure.Email;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// The job that builds (once) and emails (once) one report run. It locks the run's row for the whole
/// attempt, so a second worker — a duplicate enqueue, another app instance — waits and then finds it
/// sent. The run becomes Sent in the same transaction, right after the mail server accepted the
/// message; a failed attempt is recorded with the next attempt's time, which the dispatcher honours.
/// </summary>
public sealed class SendWeeklyReport(
    AppDbContext db, CurrentBusiness current, BuildWeeklyReports builder, IEmailSender email,
    IOptions<EmailOptions> emailOptions, TimeProvider clock, ILogger<SendWeeklyReport> log)
{
    /// <summary>Hangfire's entry point. Retries are ours (visible to the owner), not Hangfire's.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid businessId, Guid runId) => SendAsync(businessId, runId, CancellationToken.None);

    /// <summary>Returns the run's status afterwards, or null when there is nothing to do (no run, business inactive).</summary>
    public async Task<ReportRunStatus?> SendAsync(Guid businessId, Guid runId, CancellationToken ct)
    {
        using var _ = current.Use(businessId);
        var business = await db.Businesses.AsNoTracking().Select(b => new { b.Name, b.IsActive, b.Reports }).SingleOrDefaultAsync(ct);
        if (business is not { IsActive: true })
        {
            log.LogInformation("Report run {RunId} skipped: business {BusinessId} is inactive or gone", runId, businessId);
            return null;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = await db.ReportRuns.FromSql($"SELECT * FROM report_runs WHERE id = {runId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (run is null) return null;
        if (run.Status == ReportRunStatus.Sent) return run.Status;

        var now = clock.GetUtcNow().UtcDateTime;
        run.Attempts++;
        List<ReportFile> files;
        if (run.BuiltAt is null)
        {
            await builder.BuildAsync(run, now, ct);
            await db.SaveChangesAsync(ct);
            // Just built: the files are in memory already, no need to read megabytes back.
            files = db.ReportFiles.Local.Where(f => f.RunId == run.Id).ToList();
        }
        else files = await db.ReportFiles.Where(f => f.RunId == run.Id).ToListAsync(ct);
        var program = await db.Programs.AsNoTracking().Select(p => new { p.InactivityDays }).SingleAsync(ct);
        var recipients = await RecipientsAsync(business.Reports, ct);

        try
        {
            if (recipients.Count == 0)
                throw new ReportNotSentException("Nenhum destinatário confirmado: confirme o seu e-mail pelo link que enviamos (tela Relatórios) ou cadastre outro e-mail nas configurações.");
            var message = ReportEmail.Compose(run, business.Name, program.InactivityDays, emailOptions.Value.From, recipients, files);
            await email.SendAsync(message, ct);
            run.Status = ReportRunStatus.Sent;
            run.SentAt = clock.GetUtcNow().UtcDateTime;
            run.SentTo = string.Join(", ", recipients.Select(r => r.Address));
            run.NextAttemptAt = null;
            run.LastError = null;
            log.LogInformation("Report run {RunId} for week {WeekStart} sent to {Count} recipients", run.Id, run.WeekStart, recipients.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Status = ReportRunStatus.Failed;
            run.LastError = Describe(ex);
            run.NextAttemptAt = run.Attempts >= ReportSchedule.MaxAttempts ? null : now + ReportSchedule.RetryDelay(run.Attempts);
            log.LogWarning(ex, "Report run {RunId} attempt {Attempt} failed; next attempt at {NextAttemptAt}", run.Id, run.Attempts, run.NextAttemptAt);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return run.Status;
    }

    /// <summary>The business's active owners and the extra addresses the owner configured.</summary>
    private async Task<List<MailboxAddress>> RecipientsAsync(ReportSettings settings, CancellationToken ct)
    {
        // Only confirmed addresses: the reports carry customers' personal data.
        var owners = await ActiveOwners(db).Where(u => u.EmailConfirmed).Select(u => new { u.FullName, u.Email }).ToListAsync(ct);
        var list = owners.Select(o => new MailboxAddress(o.FullName, o.Email!)).ToList();
        var confirmed = await db.ReportRecipients.Where(r => r.ConfirmedAt != null).Select(r => r.Email).ToListAsync(ct);
        foreach (var extra in settings.ExtraRecipientList.Where(e => confirmed.Contains(e, StringComparer.OrdinalIgnoreCase)))
            if (!list.Any(m => string.Equals(m.Address, extra, StringComparison.OrdinalIgnoreCase)) && MailboxAddress.TryParse(extra, out var address))
                list.Add(address);
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
        _ => "Erro inesperado ao enviar o e-mail.",
    };
}

public sealed class ReportNotSentException(string message) : Exception(message);
