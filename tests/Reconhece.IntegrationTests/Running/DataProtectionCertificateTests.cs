using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Running;

/// <summary>The app with DataProtection:CertificatePath set to a certificate made for the test.</summary>
public sealed class CertificateAppFactory : AppFactory
{
    public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), $"reconhece-dp-{Guid.NewGuid():N}.pfx");

    public CertificateAppFactory()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Reconhece keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pkcs12, "segredo"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", "segredo");
    }
}

public sealed class DataProtectionCertificateTests(CertificateAppFactory app) : IClassFixture<CertificateAppFactory>
{
    [Fact]
    public async Task With_a_certificate_the_key_ring_is_stored_encrypted()
    {
        var owner = await app.SignUpAsync("Loja Cifrada");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await owner.Client.GetAsync("/painel")).Status);

        var keys = await app.AsAdminAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}
