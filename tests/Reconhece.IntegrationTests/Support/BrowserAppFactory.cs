using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;

namespace Reconhece.IntegrationTests.Support;

/// <summary>
/// The app on a real Kestrel port (Chromium cannot reach the in-memory test server) and Debian's
/// Chromium driven by Playwright at a 390x844 phone viewport. No browser is ever downloaded.
/// </summary>
public sealed class BrowserAppFactory : AppFactory
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public BrowserAppFactory() => UseKestrel(0);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        ClientOptions.BaseAddress = BaseAddress; // HTTP helpers talk to the same Kestrel server

        var chromium = Environment.GetEnvironmentVariable("RECONHECE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: run scripts/test.sh (it installs Debian's chromium) or set RECONHECE_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest stop it calling hosts this machine cannot reach.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    protected override async Task DisposeFixtureAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeFixtureAsync();
    }

    /// <summary>A fresh phone: 390x844, touch, pt-BR, no cookies.</summary>
    public async Task<IPage> NewPhoneAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true, HasTouch = true, Locale = "pt-BR", BaseURL = BaseAddress.ToString(), JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A phone signed in through the real form.</summary>
    public async Task<IPage> SignedInPhoneAsync(string email, string password, bool javaScript = true)
    {
        var page = await NewPhoneAsync(javaScript);
        await page.GotoAsync("/entrar");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Senha").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        return page;
    }

    /// <summary>The page must not scroll sideways on a 390 px phone.</summary>
    public static async Task AssertFitsThePhoneAsync(IPage page) =>
        Xunit.Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), $"{page.Url} scrolls sideways on a 390 px phone.");

    public static string ArtifactPath(string fileName)
    {
        var dir = Environment.GetEnvironmentVariable("RECONHECE_ARTIFACTS") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "reconhece-artifacts");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, fileName);
    }
}
