using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// The business's WhatsApp access token, kept encrypted with data protection (the key ring of the cookies,
/// stored in the database and protected by the certificate when one is configured). The owner never sees
/// it again; only the sender reads it.
/// </summary>
public sealed class WhatsAppTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Reconhece.WhatsAppToken.v1");

    public string Protect(string token) => _protector.Protect(token);

    /// <summary>Null when the key ring no longer opens it (a lost key): the owner enters the token again.</summary>
    public string? Unprotect(string? protectedToken)
    {
        if (string.IsNullOrEmpty(protectedToken)) return null;
        try
        {
            return _protector.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
