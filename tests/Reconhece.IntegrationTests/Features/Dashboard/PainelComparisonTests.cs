using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Dashboard;

/// <summary>
/// The Painel sets this week and month so far against the same stretch of the period before, never against
/// the whole of it: on a Monday morning a whole last week would make every shop look 90% down.
/// </summary>
public sealed class PainelComparisonTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task Monday_morning_is_compared_with_last_monday_morning_and_the_inactive_card_opens_the_inactive_customers()
    {
        app.Clock.Now = new DateTimeOffset(2026, 10, 19, 12, 0, 0, TimeSpan.Zero);
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11955554444", "80,00", name: "Cliente Sumido");
        // Last week: Monday 08:00 in São Paulo (R$ 50) and Wednesday (R$ 100). This week: Monday 08:30 (R$ 60).
        await (await app.SignedInAtAsync(owner, new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero))).RegisterPurchaseAsync("11987650001", "50,00");
        await (await app.SignedInAtAsync(owner, new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero))).RegisterPurchaseAsync("11923456789", "100,00");
        await (await app.SignedInAtAsync(owner, new DateTimeOffset(2026, 11, 30, 11, 30, 0, TimeSpan.Zero))).RegisterPurchaseAsync("11987650001", "60,00");

        var client = await app.SignedInAtAsync(owner, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var page = await client.GetAsync("/painel");

        var week = page.Doc.QuerySelector("[data-testid=week]")!;
        var revenue = week.QuerySelectorAll(".card").First(c => c.QuerySelector(".label")!.TextContent == "Faturamento registrado");
        Assert.Equal("R$ 60,00", Page.Normalize(revenue.QuerySelector(".value")!.TextContent));
        // Against last Monday 00:00–09:00 (R$ 50), not the whole of last week (R$ 150, which would read −60%).
        Assert.Equal("semana passada: R$ 50,00 (+20%)", Page.Normalize(revenue.QuerySelector(".delta")!.TextContent).Trim());
        Assert.Equal("Comparado com o mesmo trecho do período anterior: de 23/11/2026 00:00 a 23/11/2026 09:00.",
            Page.Normalize(page.Doc.QuerySelector("[data-testid=week-span]")!.TextContent));
        Assert.Equal("Comparado com o mesmo trecho do período anterior: de 01/10/2026 00:00 a 30/10/2026 09:00.",
            Page.Normalize(page.Doc.QuerySelector("[data-testid=month-span]")!.TextContent));

        var card = page.Doc.QuerySelector("[data-testid=inactive-card]")!;
        Assert.Equal("1", card.QuerySelector(".big")!.TextContent);
        var list = await client.GetAsync(card.GetAttribute("href")!);
        Assert.Equal("1 cliente inativo: sem comprar há mais de 30 dias", Page.Normalize(list.Doc.QuerySelector("[data-testid=inactive-heading]")!.TextContent));
        Assert.Equal(["Cliente Sumido"], list.Doc.QuerySelectorAll("ul.list li strong").Select(s => s.TextContent).ToList());
    }
}
