using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

/// <summary>The purchase context is cached per person (one round trip a purchase); a change of time zone must reach the next purchase.</summary>
public sealed class PurchaseContextZoneTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task After_a_change_of_time_zone_the_next_purchase_counts_its_day_in_the_new_zone()
    {
        // 02:30 UTC on 01/12: still 30/11 in São Paulo (UTC−3), already 01/12 in Fernando de Noronha (UTC−2).
        app.Clock.Now = new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["MaxEarningPurchasesPerDay"] = "1" });
        var first = await owner.Client.RegisterPurchaseAsync("11955554444", "10");   // 30/11 in São Paulo: earns, and caches the context

        var saved = await owner.Client.SubmitAsync("/negocio", new Dictionary<string, string> { ["TimeZoneId"] = "America/Noronha" });
        var second = await owner.Client.RegisterPurchaseAsync("11955554444", "10");

        Assert.Null(first.Doc.QuerySelector("[data-testid=no-earn]"));
        Assert.True(saved.Shows("Dados do negócio salvos."));
        // With the cached São Paulo zone this would be a second purchase on 30/11 and earn nothing.
        Assert.Null(second.Doc.QuerySelector("[data-testid=no-earn]"));
        Assert.Equal("+10", second.Doc.QuerySelector("[data-testid=points]")!.TextContent.Trim());
    }
}
