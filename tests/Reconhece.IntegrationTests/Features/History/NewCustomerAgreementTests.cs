using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.History;

/// <summary>"New customer in a period" is one definition: Painel and Histórico count the same customers, a reversal included.</summary>
public sealed class NewCustomerAgreementTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static string Kpi(Page painel, int period, string label) => Page.Normalize(painel.Doc.QuerySelectorAll(".kpis")[period].QuerySelectorAll(".card")
        .First(c => c.QuerySelector(".label")!.TextContent == label).QuerySelector(".value")!.TextContent);

    [Fact]
    public async Task Reversing_a_first_purchase_after_a_second_one_keeps_the_customer_new_once_in_Painel_and_Historico()
    {
        app.Clock.Now = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var owner = await app.SignUpAsync();
        var first = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11955554444", "30"));
        await (await app.SignedInAtAsync(owner, new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero))).RegisterPurchaseAsync("11955554444", "20");
        var client = await app.SignedInAtAsync(owner, new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
        await client.PostAsync($"/compras/{first}/estornar", new Dictionary<string, string> { ["reason"] = "digitado errado" });

        var painel = await client.GetAsync("/painel");
        var history = await client.GetAsync("/painel/historico");
        var december = history.Doc.QuerySelectorAll("[data-testid=table-novos] tbody tr")
            .Single(r => r.Children[0].TextContent.Trim() == "dezembro de 2026").Children[1].TextContent.Trim();

        // The customer first bought, for good, on 03/12: new once this month, in both places.
        Assert.Equal("1", Kpi(painel, 1, "Clientes novos"));
        Assert.Equal("1", december);
        Assert.Equal("0", Kpi(painel, 1, "Clientes que voltaram"));
    }
}
