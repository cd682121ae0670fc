namespace Reconhece.IntegrationTests.Support;

/// <summary>The app with the movable clock and the SMTP server, and the WhatsApp Cloud API stand-in (FakeWhatsAppCloud) as its Graph API.</summary>
public sealed class WhatsAppAppFactory : ReportsAppFactory
{
    public const string AppSecret = "segredo-do-app-meta-de-teste";
    public const string VerifyToken = "verificacao-reconhece-teste";

    public FakeWhatsAppCloud Cloud { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WhatsApp:GraphUrl", Cloud.Url);
        builder.UseSetting("WhatsApp:AppSecret", AppSecret);
        builder.UseSetting("WhatsApp:VerifyToken", VerifyToken);
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        Cloud.Dispose();
    }
}
