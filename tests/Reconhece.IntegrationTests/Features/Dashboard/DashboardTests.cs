using System.Net;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Dashboard;

public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_painel_answers_who_is_new_who_came_back_and_who_are_the_best_customers()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "200" });
        await owner.Client.RegisterPurchaseAsync("11900000001", "300,00", name: "Maior Cliente");
        await owner.Client.RegisterPurchaseAsync("11900000002", "20,00", name: "Menor Cliente");
        await owner.Client.RegisterPurchaseAsync("11900000001", "45,90");

        var page = await owner.Client.GetAsync("/painel");
        var week = page.Doc.QuerySelector("[data-testid=week]")!;
        string Kpi(string label) => Page.Normalize(week.QuerySelectorAll(".card").First(c => c.QuerySelector(".label")!.TextContent == label).QuerySelector(".value")!.TextContent);

        Assert.Equal("2", Kpi("Clientes novos"));
        Assert.Equal("3", Kpi("Compras"));
        Assert.Equal("R$ 365,90", Kpi("Faturamento registrado"));
        Assert.Equal("R$ 121,97", Kpi("Ticket médio"));
        Assert.Equal("1", Page.Normalize(page.Doc.QuerySelector("a[href='/acoes?lista=meta'] .big")!.TextContent));
        var today = page.Doc.QuerySelector("[data-testid=today]")!;
        Assert.Equal("3", Page.Normalize(today.QuerySelectorAll(".card").First(c => c.QuerySelector(".label")!.TextContent == "Compras").QuerySelector(".value")!.TextContent));
        Assert.Contains("Maior Cliente", page.Doc.QuerySelector("[data-testid=contact-today]")!.TextContent, StringComparison.Ordinal);
        var top = page.Doc.QuerySelectorAll("ol.list li").Select(li => li.QuerySelector("strong")!.TextContent).ToList();
        Assert.Equal(["Maior Cliente", "Menor Cliente"], top);
    }

    [Fact]
    public async Task Staff_start_on_their_screen_not_on_the_painel()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();
        var (client, home) = await app.SignInAsync(staff.Email, staff.Password);

        Assert.Equal("/", home.Url.AbsolutePath);
        Assert.True(home.Shows("Registrar compra"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/painel")).Status);
    }
}
