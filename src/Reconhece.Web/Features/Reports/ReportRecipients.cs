using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Infrastructure.Email;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>A recipient as the Relatórios page lists it; for an extra address, when it was last invited; when it stopped the emails by their link.</summary>
public sealed record RecipientStatus(string Email, bool IsOwner, bool Confirmed, DateTime? InvitedAt = null, DateTime? StoppedAt = null, Guid? UserId = null)
{
    /// <summary>Gets the weekly email: confirmed, and has not stopped it.</summary>
    public bool Receives => Confirmed && StoppedAt is null;
}

/// <summary>What "Reenviar convites" (or a save of the settings) did: how many invitations went, and why others did not.</summary>
public sealed record InviteOutcome(int Queued, bool OwnerUnconfirmed, DateTime? NextAllowedAt, bool BudgetSpent = false);

/// <summary>An invitation link as its landing page sees it.</summary>
public sealed record RecipientInvitation(string BusinessName, string Email, bool Expired);

/// <summary>
/// Who may receive the weekly reports: owners whose email is confirmed, and extra addresses confirmed
/// through the link sent to them. Unconfirmed addresses are listed on the Relatórios page and get nothing.
/// Reconhece must not become a relay for mail to strangers (docs/customer-card.md, "Outgoing mail"): no
/// invitation goes until an owner's own address is confirmed, one address gets at most one invitation in
/// 24 hours whatever is pressed, the subject carries no text of the business, and a link opened by GET (a
/// mail scanner) confirms nothing and dies after 7 days.
/// </summary>
public sealed class ReportRecipients(
    AppDbContext db, CurrentBusiness current, IEmailSender email, IOptions<EmailOptions> options, IConfiguration configuration,
    IBackgroundJobClient jobs, TimeProvider clock, IOptions<ReportOptions> reportOptions)
{
    /// <summary>
    /// Keeps one row per extra address ever listed; new ones get an invitation (as a job). A removed address is
    /// unconfirmed (and its link dies) but its row stays, so typing it in again cannot reset its 24 hours
    /// between invitations, nor undo its "parar". Caller saves.
    /// </summary>
    public async Task SyncAsync(IReadOnlyList<string> addresses, CancellationToken ct)
    {
        var existing = await db.ReportRecipients.ToListAsync(ct);
        foreach (var removed in existing.Where(r => !addresses.Contains(r.Email, StringComparer.OrdinalIgnoreCase)))
            (removed.ConfirmedAt, removed.TokenHash) = (null, null);
        foreach (var address in addresses.Where(a => !existing.Any(r => string.Equals(r.Email, a, StringComparison.OrdinalIgnoreCase))))
            db.ReportRecipients.Add(new ReportRecipient { Id = Guid.CreateVersion7(), Email = address });
    }

    public const int InvitationValidDays = 7;
    public static readonly TimeSpan ResendAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// Invites the unconfirmed extra addresses never invited (after SyncAsync's save), or all of them again,
    /// except those invited within the last 24 hours; nothing at all while no owner has confirmed an address.
    /// </summary>
    public async Task<InviteOutcome> InvitePendingAsync(bool again, CancellationToken ct, Guid? only = null)
    {
        var business = current.RequiredId;
        if (!await OwnerConfirmedAsync(ct)) return new InviteOutcome(0, true, null);
        var resendBefore = clock.GetUtcNow().UtcDateTime - ResendAfter;
        var listed = (await db.BusinessAsync(ct)).Reports.ExtraRecipientList;
        var pending = (await db.ReportRecipients.Where(r => r.ConfirmedAt == null && r.StoppedAt == null && (again || r.InvitedAt == null))
                .Where(r => only == null || r.Id == only)
                .Select(r => new { r.Id, r.Email, r.InvitedAt }).ToListAsync(ct))
            .Where(r => listed.Contains(r.Email, StringComparer.OrdinalIgnoreCase)).ToList();
        var due = pending.Where(r => r.InvitedAt is null || r.InvitedAt <= resendBefore).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var left = reportOptions.Value.InvitationsPerBusinessPerDay
                   - await db.MailBudgetDays.Where(d => d.Day == today).Select(d => d.Sent).FirstOrDefaultAsync(ct);
        foreach (var r in due.Take(Math.Max(0, left)))
            jobs.Enqueue<ReportRecipients>(j => j.InviteAsync(business, r.Id));
        var waiting = pending.Except(due).Select(r => r.InvitedAt!.Value + ResendAfter).DefaultIfEmpty().Min();
        return new InviteOutcome(Math.Min(due.Count, Math.Max(0, left)), false, waiting == default ? null : waiting, due.Count > left);
    }

    /// <summary>
    /// "Convidar de novo", for a listed address that stopped the reports by their link: the owner's explicit
    /// choice (audited) makes it pending again, and it gets one invitation under the same 24 hours and daily
    /// budget; it receives nothing until it confirms. Null when no listed address of this business stopped.
    /// </summary>
    public async Task<InviteOutcome?> InviteStoppedAsync(string email, Guid userId, CancellationToken ct)
    {
        if (!await OwnerConfirmedAsync(ct)) return new InviteOutcome(0, true, null);
        var row = (await db.ReportRecipients.Where(r => r.StoppedAt != null).ToListAsync(ct))
            .FirstOrDefault(r => string.Equals(r.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
        if (row is null || !(await db.BusinessAsync(ct)).Reports.ExtraRecipientList.Contains(row.Email, StringComparer.OrdinalIgnoreCase)) return null;
        row.StoppedAt = null;
        db.Audit.Add(StopReports.Entry(userId, clock.GetUtcNow().UtcDateTime, row.Id, row.Email, "parou pelo link do e-mail", "convidado de novo"));
        await db.SaveChangesAsync(ct);
        return await InvitePendingAsync(again: true, ct, only: row.Id);
    }

    /// <summary>Mail to anyone else on the business's behalf waits for one owner's own address to be confirmed.</summary>
    private Task<bool> OwnerConfirmedAsync(CancellationToken ct) => SendWeeklyReport.ActiveOwners(db).AnyAsync(u => u.EmailConfirmed, ct);

    public async Task<IReadOnlyList<RecipientStatus>> StatusAsync(CancellationToken ct)
    {
        var owners = await SendWeeklyReport.ActiveOwners(db)
            .Select(u => new RecipientStatus(u.Email!, true, u.EmailConfirmed, null, u.ReportsStoppedAt, u.Id)).ToListAsync(ct);
        var listed = (await db.BusinessAsync(ct)).Reports.ExtraRecipientList;
        var extras = (await db.ReportRecipients.OrderBy(r => r.Email)
                .Select(r => new RecipientStatus(r.Email, false, r.ConfirmedAt != null, r.InvitedAt, r.StoppedAt, null)).ToListAsync(ct))
            .Where(r => listed.Contains(r.Email, StringComparer.OrdinalIgnoreCase));
        return [.. owners, .. extras];
    }

    /// <summary>The job: a fresh link (its token's hash stored), sent to the address.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task InviteAsync(Guid businessId, Guid recipientId)
    {
        using var _ = current.Use(businessId);
        if (!await OwnerConfirmedAsync(CancellationToken.None)) return;
        var businessName = (await db.BusinessAsync(CancellationToken.None)).Name;
        // The business rides in the token, so the link needs no id in its path and no door to find the row.
        var token = businessId.ToString("N") + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        var resendBefore = now - ResendAfter;
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Claimed in one conditional update: fifty presses (fifty jobs) send one invitation in 24 hours.
            var claimed = await db.ReportRecipients
                .Where(r => r.Id == recipientId && r.ConfirmedAt == null && r.StoppedAt == null && (r.InvitedAt == null || r.InvitedAt <= resendBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.TokenHash, Hash(token)).SetProperty(r => r.InvitedAt, now));
            if (claimed == 0) return;
            // And one unit of the business's daily budget, in the same transaction: over it, the claim is undone too.
            if (!await SpendBudgetAsync(businessId, DateOnly.FromDateTime(now))) return;
            await tx.CommitAsync();
        }
        var address = await db.ReportRecipients.Where(r => r.Id == recipientId).Select(r => r.Email).SingleAsync();
        // To an address that has not confirmed anything: no text of the business in the subject, and its name
        // in the body only as the sender's own claim.
        var message = new MimeMessage
        {
            Subject = "Reconhece: confirme se você quer receber relatórios semanais",
            Body = new TextPart("plain")
            {
                Text = $"Olá!\n\nUma conta do Reconhece que se identifica como \"{businessName}\" quer enviar a você, toda semana, " +
                       "relatórios de clientes. Eles trazem dados pessoais de clientes, por isso só começam se você confirmar, " +
                       $"em até {InvitationValidDays} dias, na página deste link:\n\n" +
                       $"{configuration.PublicSite()}/relatorios/confirmar/{token}\n\n" +
                       "Se você não conhece quem pediu, ignore este e-mail: nada será enviado e o link deixa de valer." +
                       "\n\nReconhece — conheça e reconheça seus clientes",
            },
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(address));
        await email.SendAsync(message, CancellationToken.None);
    }

    /// <summary>The link's landing (GET): what it invites to, changing nothing; null when the token matches nothing.</summary>
    public async Task<RecipientInvitation?> FindAsync(string token, CancellationToken ct)
    {
        if (token.Length != 80 || !Guid.TryParseExact(token[..32], "N", out var businessId)) return null;
        using var _ = current.Use(businessId);
        var hash = Hash(token);
        var recipient = await db.ReportRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, ct);
        if (recipient is null) return null;
        var expired = recipient.ConfirmedAt is null && recipient.InvitedAt < clock.GetUtcNow().UtcDateTime.AddDays(-InvitationValidDays);
        return new RecipientInvitation((await db.BusinessAsync(ct)).Name, recipient.Email, expired);
    }

    /// <summary>The confirmation itself (POST from the landing page): the business's name, or null when the link is unknown or expired.</summary>
    public async Task<string?> ConfirmAsync(string token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { Expired: false } invitation) return null;
        var businessId = Guid.ParseExact(token[..32], "N");
        using var _ = current.Use(businessId);
        var hash = Hash(token);
        // A second tap says the same "Pronto!" and keeps the first moment.
        await db.ReportRecipients.Where(r => r.TokenHash == hash && r.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConfirmedAt, clock.GetUtcNow().UtcDateTime), ct);
        return invitation.BusinessName;
    }

    /// <summary>One more mail of today's budget, if any is left (the row lock serialises instances).</summary>
    private async Task<bool> SpendBudgetAsync(Guid business, DateOnly day)
    {
        await using var cmd = TenantSql.Command(db, """
            INSERT INTO mail_budget_days AS m (business_id, day, sent) VALUES (@business, @day, 1)
            ON CONFLICT (business_id, day) DO UPDATE SET sent = m.sent + 1 WHERE m.sent < @limit
            RETURNING sent
            """);
        cmd.Parameters.AddWithValue("business", business);
        cmd.Parameters.AddWithValue("day", day);
        cmd.Parameters.AddWithValue("limit", reportOptions.Value.InvitationsPerBusinessPerDay);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
}
