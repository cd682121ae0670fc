using Microsoft.AspNetCore.Mvc.Testing;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;
using Xunit;

namespace Reconhece.IntegrationTests.Support;

/// <summary>The real app (WebApplicationFactory) on its own PostgreSQL database, one per test class.</summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The test database as the server's administrator (setting up, assertions across businesses).</summary>
    public string ConnectionString { get; private set; } = "";
    /// <summary>The same database as the app role, which row-level security binds: what the app uses.</summary>
    public string AppConnectionString => TestDatabase.AsApp(ConnectionString);
    /// <summary>Set by the suite that proves the database wall alone keeps businesses apart.</summary>
    protected virtual bool EfTenantFilterOff => false;

    /// <summary>Tests sign in a lot from one address; the rate-limit test lowers this.</summary>
    protected virtual int SignInPermitPerMinute => 10_000;
    /// <summary>Card requests per address per minute: every test client shares one address, so high unless a test measures it.</summary>
    protected virtual int CardPerAddressPerMinute => 10_000;
    protected virtual string EnvironmentName => "Testing";
    protected virtual bool RunJobServer => false;
    /// <summary>Where mail goes when a test sets no SMTP server (.eml files).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "reconhece-test-mail", Guid.NewGuid().ToString("N"));

    public virtual async Task InitializeAsync() => ConnectionString = await TestDatabase.CreateAsync(GetType().Name);

    Task IAsyncLifetime.DisposeAsync() => DisposeFixtureAsync();

    protected virtual async Task DisposeFixtureAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }

    /// <summary>The block list's key in tests (tests recompute hashes with it).</summary>
    public const string PhoneHashKey = "integration-tests-phone-hash-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", AppConnectionString);
        builder.UseSetting("ConnectionStrings:Migrations", TestDatabase.AsOwner(ConnectionString));
        builder.UseSetting("Testing:EfTenantFilterOff", EfTenantFilterOff ? "true" : "false");
        builder.UseSetting("SignInLimit:PermitPerMinute", SignInPermitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CardLimit:PerAddressPerMinute", CardPerAddressPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Privacy:PhoneHashKey", PhoneHashKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // No Hangfire workers by default: tests run jobs by calling them (JobsTests turns the server on).
        builder.UseSetting("Jobs:RunServer", RunJobServer ? "true" : "false");
        builder.UseSetting("Jobs:QueuePollSeconds", "1");
        builder.UseSetting("Email:PickupFolder", MailFolder);
    }

    public AppClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = true, HandleCookies = true,
    }));

    /// <summary>Runs code against the database as one business would see it (tenant filter on).</summary>
    public async Task<T> InBusinessAsync<T>(Guid businessId, Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentBusiness>().Use(businessId);
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The database with both walls off: for setting up and for asserting across businesses.</summary>
    public async Task<T> AsAdminAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var db = TestDatabase.NewAdminContext(ConnectionString);
        return await work(db);
    }

    /// <summary>The database with no business selected (what an anonymous request sees).</summary>
    public async Task<T> AnonymousAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
