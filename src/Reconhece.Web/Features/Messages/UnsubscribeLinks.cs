using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Reconhece.Web.Features.Privacy;
using Reconhece.Web.Infrastructure;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// The one-click unsubscribe address of an automatic e-mail, /descadastrar/{token} (RFC 8058): business and
/// customer followed by a 128-bit HMAC of them under a key derived from the server's secret, in base64url.
/// Nothing is stored; a token names one customer of one business and cannot be forged or moved to another.
/// </summary>
public sealed class UnsubscribeLinks(IOptions<PrivacyOptions> options, IConfiguration configuration)
{
    private const int IdBytes = 16, MacBytes = 16, Length = IdBytes * 2 + MacBytes;

    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.PhoneHashKey), "reconhece:email-unsubscribe:v1"u8);

    public Uri Url(Guid business, Guid customer)
    {
        var bytes = new byte[Length];
        business.TryWriteBytes(bytes.AsSpan(0, IdBytes));
        customer.TryWriteBytes(bytes.AsSpan(IdBytes, IdBytes));
        Mac(bytes.AsSpan(0, IdBytes * 2)).CopyTo(bytes, IdBytes * 2);
        return new Uri(configuration.PublicSite() + "/descadastrar/" + Base64Url.EncodeToString(bytes));
    }

    /// <summary>What a token names, when it is one of ours (MAC checked in constant time).</summary>
    public bool TryRead(string? token, out Guid business, out Guid customer)
    {
        (business, customer) = (Guid.Empty, Guid.Empty);
        var bytes = new byte[Length];
        if (token is null || token.Length > 100 || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != Length) return false;
        if (!CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, IdBytes * 2)), bytes.AsSpan(IdBytes * 2))) return false;
        business = new Guid(bytes.AsSpan(0, IdBytes));
        customer = new Guid(bytes.AsSpan(IdBytes, IdBytes));
        return true;
    }

    private byte[] Mac(ReadOnlySpan<byte> message) => HMACSHA256.HashData(_key, message)[..MacBytes];
}
