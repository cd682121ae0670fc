using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>
/// Issue 19's pages on a 390 px phone without JavaScript: the Painel names the stretch it compares, its
/// "inativos" card opens the inactive customers, and Editar cliente shows only what the business collects.
/// </summary>
public sealed class PhoneNumbersFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task The_owner_follows_the_inactive_card_to_the_list_and_edits_a_customer_on_a_phone()
    {
        var owner = await app.SignUpAsync("Adega Sumida");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectName"] = "true", ["CollectEmail"] = "true" });
        await owner.Client.RegisterPurchaseAsync("11987650001", "320,00", name: "Marta Lopes");
        await owner.Client.RegisterPurchaseAsync("11976540002", "45,00", name: "Rui");
        var marta = await owner.CustomerAsync("+5511987650001");
        await owner.Client.SubmitAsync($"/clientes/{marta.Id}/editar", new Dictionary<string, string> { ["Name"] = "Marta Lopes", ["Email"] = "marta@exemplo.com.br" });
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectName"] = "true", ["CollectEmail"] = "false" });
        // Marta last bought 100 days ago: past the default 30 days, she is inactive.
        await app.InBusinessAsync(owner.BusinessId, db => db.Customers.Where(c => c.Id == marta.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastPurchaseAt, c => c.LastPurchaseAt!.Value.AddDays(-100))));
        var page = await app.SignedInPhoneAsync(owner.Email, owner.Password, javaScript: false);

        await page.GotoAsync("/painel");
        await Assertions.Expect(page.GetByTestId("week-span")).ToContainTextAsync("Comparado com o mesmo trecho do período anterior");
        await Assertions.Expect(page.GetByTestId("inactive-card")).ToContainTextAsync("1");
        // Singular where it is one; no "novo" glued to last week's zero, which read as "0 novo".
        await Assertions.Expect(page.GetByText("320 pontos · R$ 320,00 · 1 compra", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("2 clientes no total.")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText("0 novo").CountAsync());
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("numbers-1-painel.png"), FullPage = true });

        await page.GetByTestId("inactive-card").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inactive-heading")).ToHaveTextAsync("1 cliente inativo: sem comprar há mais de 30 dias");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Marta Lopes" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText("Rui").CountAsync());
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("numbers-2-inactive-list.png"), FullPage = true });

        await page.GotoAsync($"/clientes/{marta.Id}/editar");
        await Assertions.Expect(page.GetByLabel("Nome")).ToHaveValueAsync("Marta Lopes");
        Assert.Equal(0, await page.GetByLabel("E-mail", new() { Exact = true }).CountAsync());
        await Assertions.Expect(page.GetByTestId("EraseEmail")).ToContainTextAsync("marta@exemplo.com.br");
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("numbers-3-edit-customer.png"), FullPage = true });
        await page.GetByLabel("Apagar e-mail").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();

        Assert.Null((await owner.CustomerAsync("+5511987650001")).Email);
    }
}
