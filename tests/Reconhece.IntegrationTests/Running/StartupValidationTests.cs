using Microsoft.Extensions.Options;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Running;

/// <summary>The app with one setting changed, so a test can see it refuse to start.</summary>
public sealed class MisconfiguredAppFactory(string key, string value) : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(key, value);
    }
}

/// <summary>Every options section is validated at start: a bad value stops the app with a clear message.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Jobs:Workers", "0", "Jobs:Workers must be between 1 and 64")]
    [InlineData("Jobs:QueuePollSeconds", "0", "Jobs:QueuePollSeconds must be between 1 and 3600")]
    [InlineData("Reports:KeepFilesDays", "2", "Reports:KeepFilesDays must be between 7 and 3650 days")]
    [InlineData("Reports:FontFolder", "/tmp", "Reports:FontFolder lacks LiberationSans-Regular.ttf or LiberationSans-Bold.ttf")]
    [InlineData("Email:From", "não é endereço", "Email:From is not a valid address")]
    [InlineData("SignInLimit:PermitPerMinute", "0", "SignInLimit:PermitPerMinute must be positive")]
    public async Task A_bad_setting_stops_the_app_with_a_clear_message(string key, string value, string message)
    {
        await using var app = new MisconfiguredAppFactory(key, value);
        await app.InitializeAsync();
        try
        {
            var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());
            var validation = Chain(e).OfType<OptionsValidationException>().FirstOrDefault();
            Assert.NotNull(validation);
            Assert.Contains(message, validation.Message, StringComparison.Ordinal);
        }
        finally
        {
            await TestDatabase.DropAsync(app.ConnectionString);
        }
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException a) foreach (var inner in a.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
