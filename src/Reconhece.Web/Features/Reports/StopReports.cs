using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Reports;

/// <summary>Who a report email went to: an owner (a user id) or an extra address (a report_recipients id).</summary>
public enum ReaderKind { Owner = 1, Extra = 2 }

/// <summary>One addressee of the weekly email, and whom its "parar" link stops.</summary>
public sealed record ReportReader(Guid BusinessId, ReaderKind Kind, Guid Id, MimeKit.MailboxAddress Address);

/// <summary>What the "parar" page shows: whose reports, to which address, and whether they already stopped.</summary>
public sealed record StopRequest(string BusinessName, string Email, bool AlreadyStopped, bool IsOwner);

/// <summary>
/// Every report email can be stopped by its own recipient, in one click and with no account (RFC 8058):
/// each message carries its reader's link in the body and in List-Unsubscribe, with List-Unsubscribe-Post.
/// The link never expires (an old email must still stop the new ones) and is protected with the app's
/// data-protection keys, so it names one reader of one business and cannot be forged. Opening it (GET, as
/// mail scanners do) only asks; the POST — from the page's button, or the mail program's one-click —
/// stops, once, and is audited on the Relatórios settings with no user (docs/customer-card.md).
/// </summary>
public sealed class StopReports(AppDbContext db, CurrentBusiness current, TimeProvider clock, IDataProtectionProvider protection, IConfiguration configuration)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Reconhece.ReportStop");

    public string UrlFor(ReportReader reader)
    {
        var payload = $"{reader.BusinessId:N}.{(int)reader.Kind}.{reader.Id:N}";
        return $"{configuration.PublicSite()}/relatorios/parar/{WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)))}";
    }

    /// <summary>The link's landing (GET): changes nothing; null when the token is not one of ours or its reader is gone.</summary>
    public async Task<StopRequest?> FindAsync(string token, CancellationToken ct)
    {
        if (Read(token) is not var (businessId, kind, id)) return null;
        using var _ = current.Use(businessId);
        var found = kind == ReaderKind.Owner
            ? await db.Users.Where(u => u.Id == id).Select(u => new { Email = u.Email!, Stopped = u.ReportsStoppedAt != null }).FirstOrDefaultAsync(ct)
            : await db.ReportRecipients.Where(r => r.Id == id).Select(r => new { r.Email, Stopped = r.StoppedAt != null }).FirstOrDefaultAsync(ct);
        return found is null ? null : new StopRequest((await db.BusinessAsync(ct)).Name, found.Email, found.Stopped, kind == ReaderKind.Owner);
    }

    /// <summary>
    /// Stops the reader's report emails (POST). A second click, or the mail program's one-click after the
    /// page's button, keeps the first moment and writes no second audit entry. Null when the link is unknown.
    /// </summary>
    public async Task<StopRequest?> StopAsync(string token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } request) return null;
        var (businessId, kind, id) = Read(token)!.Value;
        using var _ = current.Use(businessId);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // An extra address is unconfirmed again, so only a new invitation it confirms brings the reports back.
        var stopped = kind == ReaderKind.Owner
            ? await db.Users.Where(u => u.Id == id && u.ReportsStoppedAt == null).ExecuteUpdateAsync(s => s.SetProperty(u => u.ReportsStoppedAt, now), ct)
            : await db.ReportRecipients.Where(r => r.Id == id && r.StoppedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StoppedAt, now).SetProperty(r => r.ConfirmedAt, (DateTime?)null).SetProperty(r => r.TokenHash, (string?)null), ct);
        if (stopped == 1)
        {
            db.Audit.Add(Entry(null, now, id, request.Email, "recebe", "parou pelo link do e-mail"));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return request;
    }

    /// <summary>An owner who stopped their own copy takes it back (Relatórios, signed in). False when nothing was stopped.</summary>
    public async Task<bool> ResumeOwnAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.Id == userId && u.ReportsStoppedAt != null).FirstOrDefaultAsync(ct);
        if (user is null) return false;
        user.ReportsStoppedAt = null;
        db.Audit.Add(Entry(userId, clock.GetUtcNow().UtcDateTime, userId, user.Email!, "parou pelo link do e-mail", "recebe de novo"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static AuditEntry Entry(Guid? userId, DateTime at, Guid subjectId, string email, string old, string @new) => new()
    {
        UserId = userId, At = at, Subject = SaveReportSettings.AuditSubject, SubjectId = subjectId,
        Field = "Relatórios por e-mail", OldValue = $"{email}: {old}", NewValue = $"{email}: {@new}",
    };

    private (Guid BusinessId, ReaderKind Kind, Guid Id)? Read(string token)
    {
        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('.');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var business) && int.TryParse(parts[1], out var kind)
               && Enum.IsDefined((ReaderKind)kind) && Guid.TryParseExact(parts[2], "N", out var id)
            ? (business, (ReaderKind)kind, id)
            : null;
    }
}
