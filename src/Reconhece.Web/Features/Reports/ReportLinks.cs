using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Reconhece.Web.Infrastructure;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// Signed, expiring download links for a run's PDFs, used instead of attachments when the PDFs are
/// too big for an email (<see cref="ReportOptions.AttachUpToMegabytes"/>). The token carries the business,
/// the run and the expiry, protected with the app's data-protection keys (shared by every instance), so a
/// link opens that run's PDFs only, and only until it expires; no account is needed (the email is the key).
/// </summary>
public sealed class ReportLinks(IDataProtectionProvider protection, IOptions<ReportOptions> options, TimeProvider clock, IConfiguration configuration)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Reconhece.ReportLinks");

    public DateTime ExpiresFrom(DateTime utcNow) => utcNow.AddDays(options.Value.LinkDays);

    public string UrlFor(Guid businessId, Guid runId, string slug, DateTime expiresUtc)
    {
        var payload = $"{businessId:N}.{runId:N}.{expiresUtc.Ticks}";
        var token = WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
        return $"{configuration.PublicSite()}/relatorios/baixar/{token}/{slug}.pdf";
    }

    public enum Check { Valid, Invalid, Expired }

    public Check Read(string token, out Guid businessId, out Guid runId)
    {
        businessId = runId = Guid.Empty;
        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return Check.Invalid;
        }
        var parts = payload.Split('.');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out businessId) || !Guid.TryParseExact(parts[1], "N", out runId)
            || !long.TryParse(parts[2], out var ticks)) return Check.Invalid;
        return clock.GetUtcNow().UtcDateTime.Ticks > ticks ? Check.Expired : Check.Valid;
    }
}
