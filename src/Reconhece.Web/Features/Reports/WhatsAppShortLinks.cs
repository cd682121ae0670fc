using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Privacy;
using Reconhece.Web.Infrastructure;

namespace Reconhece.Web.Features.Reports;

/// <summary>
/// The WhatsApp links of the weekly PDFs, /w/{token}: a short address that builds the wa.me link with the
/// Ações message when tapped (ReportWhatsAppController), instead of the whole message encoded into every
/// row's annotation (docs/benchmarks.md: that made "Meta atingida" 39 MB). The token is business, customer
/// and list followed by a 128-bit HMAC of them under a key derived from the server's secret, in base64url:
/// 66 characters, nothing stored. The message is built at the tap, so it is the current one, and a customer
/// who has since asked for no contact gets none.
/// </summary>
public sealed class WhatsAppShortLinks(IOptions<PrivacyOptions> options, IConfiguration configuration)
{
    private const int IdBytes = 16, MacBytes = 16, Length = IdBytes * 2 + 1 + MacBytes;

    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.PhoneHashKey), "reconhece:report-whatsapp:v1"u8);

    public Uri Url(Guid business, Guid customer, AgendaList list)
    {
        var bytes = new byte[Length];
        business.TryWriteBytes(bytes.AsSpan(0, IdBytes));
        customer.TryWriteBytes(bytes.AsSpan(IdBytes, IdBytes));
        bytes[IdBytes * 2] = (byte)list;
        Mac(bytes.AsSpan(0, IdBytes * 2 + 1)).CopyTo(bytes, IdBytes * 2 + 1);
        return new Uri(configuration.PublicSite() + "/w/" + Base64Url.EncodeToString(bytes));
    }

    /// <summary>What a token names, when it is one of ours (MAC checked in constant time).</summary>
    public bool TryRead(string? token, out Guid business, out Guid customer, out AgendaList list)
    {
        (business, customer, list) = (Guid.Empty, Guid.Empty, default);
        var bytes = new byte[Length];
        if (token is null || token.Length > 100 || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != Length) return false;
        if (!CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, IdBytes * 2 + 1)), bytes.AsSpan(IdBytes * 2 + 1))) return false;
        list = (AgendaList)bytes[IdBytes * 2];
        if (!Enum.IsDefined(list)) return false;
        business = new Guid(bytes.AsSpan(0, IdBytes));
        customer = new Guid(bytes.AsSpan(IdBytes, IdBytes));
        return true;
    }

    private byte[] Mac(ReadOnlySpan<byte> message) => HMACSHA256.HashData(_key, message)[..MacBytes];
}
