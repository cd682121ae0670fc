using Microsoft.AspNetCore.TestHost;

namespace Reconhece.IntegrationTests.Support;

/// <summary>The app with a movable clock and a real in-process SMTP server receiving its mail.</summary>
public class ReportsAppFactory : AppFactory
{
    public MovableClock Clock { get; } = new();

    /// <summary>The owner signed in again at another moment (a session does not outlive a week idle).</summary>
    public async Task<AppClient> SignedInAtAsync(OwnerSession owner, DateTimeOffset when)
    {
        Clock.Now = when;
        return (await this.SignInAsync(owner.Email, owner.Password)).Client;
    }
    public SmtpTestServer Smtp { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Smtp = await SmtpTestServer.StartAsync();
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:Smtp:TimeoutSeconds", "10");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Runs a job or use case in a fresh scope, as Hangfire would.</summary>
    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
