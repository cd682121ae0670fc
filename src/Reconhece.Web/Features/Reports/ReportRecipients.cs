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

/// <summary>A recipient as the Relatórios page lists it.</summary>
public sealed record RecipientStatus(string Email, bool IsOwner, bool Confirmed);

/// <summary>
/// Who may receive the weekly reports: owners whose email is confirmed, and extra addresses confirmed
/// through the link sent to them. Unconfirmed addresses are listed on the Relatórios page and get nothing.
/// </summary>
public sealed class ReportRecipients(
    AppDbContext db, CurrentBusiness current, IEmailSender email, IOptions<EmailOptions> options, IConfiguration configuration,
    IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>Keeps one row per extra address; new ones get an invitation (as a job). Caller saves.</summary>
    public async Task SyncAsync(IReadOnlyList<string> addresses, CancellationToken ct)
    {
        var existing = await db.ReportRecipients.ToListAsync(ct);
        db.ReportRecipients.RemoveRange(existing.Where(r => !addresses.Contains(r.Email, StringComparer.OrdinalIgnoreCase)));
        foreach (var address in addresses.Where(a => !existing.Any(r => string.Equals(r.Email, a, StringComparison.OrdinalIgnoreCase))))
            db.ReportRecipients.Add(new ReportRecipient { Id = Guid.CreateVersion7(), Email = address });
    }

    /// <summary>Invites the unconfirmed extra addresses never invited (after SyncAsync's save), or all of them again.</summary>
    public async Task InvitePendingAsync(bool again, CancellationToken ct)
    {
        var business = current.RequiredId;
        foreach (var id in await db.ReportRecipients.Where(r => r.ConfirmedAt == null && (again || r.InvitedAt == null)).Select(r => r.Id).ToListAsync(ct))
            jobs.Enqueue<ReportRecipients>(j => j.InviteAsync(business, id));
    }

    public async Task<IReadOnlyList<RecipientStatus>> StatusAsync(CancellationToken ct)
    {
        var owners = await SendWeeklyReport.ActiveOwners(db).Select(u => new RecipientStatus(u.Email!, true, u.EmailConfirmed)).ToListAsync(ct);
        var extras = await db.ReportRecipients.OrderBy(r => r.Email).Select(r => new RecipientStatus(r.Email, false, r.ConfirmedAt != null)).ToListAsync(ct);
        return [.. owners, .. extras];
    }

    /// <summary>The job: a fresh link (its token's hash stored), sent to the address.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task InviteAsync(Guid businessId, Guid recipientId)
    {
        using var _ = current.Use(businessId);
        var recipient = await db.ReportRecipients.FirstOrDefaultAsync(r => r.Id == recipientId);
        if (recipient is null || recipient.ConfirmedAt is not null) return;
        var businessName = (await db.BusinessAsync(CancellationToken.None)).Name;
        // The business rides in the token, so the link needs no id in its path and no door to find the row.
        var token = businessId.ToString("N") + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        recipient.TokenHash = Hash(token);
        recipient.InvitedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        var message = new MimeMessage
        {
            Subject = $"Reconhece: confirme para receber os relatórios de {businessName}",
            Body = new TextPart("plain")
            {
                Text = $"Olá!\n\n{businessName} quer enviar a você, toda semana, os relatórios de clientes do Reconhece. " +
                       $"Eles trazem dados pessoais de clientes, por isso só começam depois que você confirmar:\n\n" +
                       $"{configuration.PublicSite()}/relatorios/confirmar/{token}\n\nSe você não conhece {businessName}, ignore este e-mail: nada será enviado." +
                       "\n\nReconhece — conheça e reconheça seus clientes",
            },
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(recipient.Email));
        await email.SendAsync(message, CancellationToken.None);
    }

    /// <summary>The link's landing: the business's name when the token matched, else null.</summary>
    public async Task<string?> ConfirmAsync(string token, CancellationToken ct)
    {
        if (token.Length != 80 || !Guid.TryParseExact(token[..32], "N", out var businessId)) return null;
        using var _ = current.Use(businessId);
        var hash = Hash(token);
        var recipient = await db.ReportRecipients.FirstOrDefaultAsync(r => r.TokenHash == hash, ct);
        if (recipient is null) return null;
        // The token stays: opening the link again (a second tap, a mail app's preview) says the same "Pronto!".
        recipient.ConfirmedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (await db.BusinessAsync(ct)).Name;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
}
