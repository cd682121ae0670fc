using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Reconhece.Web.Features.Privacy;
using Reconhece.Web.Infrastructure;

namespace Reconhece.Web.Features.Cards;

/// <summary>
/// The customer's card link, /c/{token} (docs/customer-card.md). The token is the customer's id followed by
/// a 128-bit HMAC-SHA256 of business, customer and card generation under a key derived from the server's
/// secret (Privacy:PhoneHashKey), in base64url: 43 characters. Nothing secret is stored: the database holds
/// only the generation, so a copy of it opens no card, and the app can put the link in any message without
/// keeping tokens. Moving the generation on ends every earlier link of that customer.
/// </summary>
public sealed class CardLinks(IOptions<PrivacyOptions> options, IConfiguration configuration)
{
    private const int IdBytes = 16, MacBytes = 16;
    public const int TokenLength = 43;

    // Derived once (the service is a singleton): an Ações page fills a link into every row.
    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.PhoneHashKey), "reconhece:customer-card:v1"u8);

    public string Token(Guid business, Guid customer, int generation)
    {
        var bytes = new byte[IdBytes + MacBytes];
        customer.TryWriteBytes(bytes.AsSpan(0, IdBytes));
        Mac(business, customer, generation).CopyTo(bytes, IdBytes);
        return Base64Url.EncodeToString(bytes);
    }

    public string Url(Guid business, Guid customer, int generation) => configuration.PublicSite() + "/c/" + Token(business, customer, generation);

    /// <summary>The customer id a well-formed token names (not yet checked: see <see cref="Matches"/>).</summary>
    public static bool TryRead(string? token, out Guid customer, out byte[] mac)
    {
        customer = Guid.Empty;
        mac = [];
        if (token is not { Length: TokenLength }) return false;
        var bytes = new byte[IdBytes + MacBytes];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length) return false;
        customer = new Guid(bytes.AsSpan(0, IdBytes));
        mac = bytes[IdBytes..];
        return true;
    }

    /// <summary>Whether the token's MAC is this customer's current one (constant time).</summary>
    public bool Matches(Guid business, Guid customer, int generation, byte[] mac) =>
        CryptographicOperations.FixedTimeEquals(Mac(business, customer, generation), mac);

    private byte[] Mac(Guid business, Guid customer, int generation)
    {
        Span<byte> message = stackalloc byte[IdBytes * 2 + sizeof(int)];
        business.TryWriteBytes(message[..IdBytes]);
        customer.TryWriteBytes(message.Slice(IdBytes, IdBytes));
        BinaryPrimitives.WriteInt32BigEndian(message[(IdBytes * 2)..], generation);
        return HMACSHA256.HashData(_key, message)[..MacBytes];
    }
}
