using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";
    /// <summary>Used only where no key is configured and the environment is Development (the README's run command).</summary>
    public const string DevelopmentKey = "reconhece-development-only-phone-hash-key-not-secret";

    /// <summary>
    /// The secret of the block list's keyed hash (HMAC-SHA256), kept outside the database: with the database
    /// alone a blocked number cannot be recovered, not even by trying every mobile in Brazil. At least 32
    /// characters; changing it forgets the block list.
    /// </summary>
    public string PhoneHashKey { get; set; } = "";

    public static IServiceCollection Add(IServiceCollection services, bool development)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(Section)
            .PostConfigure(o => { if (development && string.IsNullOrEmpty(o.PhoneHashKey)) o.PhoneHashKey = DevelopmentKey; })
            .Validate(o => o.PhoneHashKey.Length >= 32, "Privacy:PhoneHashKey must be set to a secret of at least 32 characters (it keys the block list's hash)")
            .ValidateOnStart();
        return services;
    }
}

/// <summary>
/// "Bloquear" (LGPD art. 18 IV and IX: leaving the programme): the phone is kept only as a keyed hash,
/// scoped to the business, so a purchase with it is refused and nothing about it is stored again.
/// </summary>
public sealed class PhoneBlockList(AppDbContext db, CurrentBusiness current, IOptions<PrivacyOptions> options)
{
    /// <summary>HMAC-SHA256 of business id and E.164 number under the configured key.</summary>
    public byte[] Hash(string e164) => Hash(options.Value.PhoneHashKey, current.RequiredId, e164);

    public static byte[] Hash(string key, Guid business, string e164) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(business.ToString("N") + ":" + e164));

    public Task<bool> IsBlockedAsync(string e164, CancellationToken ct)
    {
        var hash = Hash(e164);
        return db.BlockedPhones.AnyAsync(b => b.PhoneHash == hash, ct);
    }
}
