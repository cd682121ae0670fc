using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>Identity and privacy on a 390 px phone in Chromium, JavaScript off where the flow must not need it.</summary>
public sealed class PhonePrivacyFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task Staff_are_asked_about_a_near_duplicate_and_pick_the_customer()
    {
        var owner = await app.SignUpAsync("Sorveteria Gêmeos");
        await owner.Client.RegisterPurchaseAsync("11987654321", "10", name: "Maria");
        var page = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        await page.GotoAsync("/registrar");

        await page.GetByLabel("Celular do cliente").FillAsync("11987654312");
        await page.GetByLabel("Valor da compra (R$)").FillAsync("20,00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("É a mesma pessoa que (11) 98765-4321 – Maria?")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("identity-1-near-duplicate.png"), FullPage = true });
        // Enter in a field submits the main button again: it asks again, never picks a customer by itself.
        await page.GetByLabel("Valor da compra (R$)").PressAsync("Enter");
        await Assertions.Expect(page.GetByText("É a mesma pessoa que (11) 98765-4321 – Maria?")).ToBeVisibleAsync();
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sim, registrar para (11) 98765-4321" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Cliente de volta")).ToBeVisibleAsync();
        Assert.Equal(30m, (await owner.CustomerAsync("+5511987654321")).Balance);
    }

    [Fact]
    public async Task The_owner_answers_rights_from_the_customer_page_and_imports_a_file_without_JavaScript()
    {
        var owner = await app.SignUpAsync("Adega Direitos");
        await owner.Client.RegisterPurchaseAsync("11987651111", "60", name: "Heitor Souza");
        await owner.Client.RegisterPurchaseAsync("21987652222", "30", name: "Heitor");
        var page = await app.SignedInPhoneAsync(owner.Email, owner.Password, javaScript: false);
        var customer = await owner.CustomerAsync("+5511987651111");

        await page.GotoAsync($"/clientes/{customer.Id}");
        await page.GetByText("Mais opções").ClickAsync();  // the administrative actions sit behind it (issue 22)
        await page.GetByRole(AriaRole.Link, new() { Name = "Unir com outro cadastro" }).ClickAsync();
        await page.GetByLabel("Celular do outro cadastro").FillAsync("(21) 98765-2222");
        await page.GetByRole(AriaRole.Button, new() { Name = "Procurar" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Depois de unir: 90 pontos e 2 compras")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("identity-2-merge.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unir os cadastros" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Cadastros unidos.")).ToBeVisibleAsync();

        await page.GetByText("Mais opções").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Privacidade (LGPD)" }).ClickAsync();
        await page.GetByText("Registrar um pedido").ClickAsync();
        await page.GetByLabel("O cliente pediu").SelectOptionAsync(new SelectOptionValue { Label = "Acesso aos dados" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar pedido" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Pedido registrado.")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("privacy-1-customer.png"), FullPage = true });

        await page.GotoAsync("/painel");
        await Assertions.Expect(page.GetByText("1 pedido de cliente sobre dados pessoais (LGPD) aguardando resposta")).ToBeVisibleAsync();
        await page.GotoAsync("/privacidade");
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("privacy-2-overview.png"), FullPage = true });

        await page.GotoAsync("/clientes/importar");
        var file = Encoding.UTF8.GetBytes("Celular;Nome;Saldo\n(31) 98765-3333;Lia;12,5\n123;Errado;1\n");
        await page.GetByLabel("Arquivo CSV").SetInputFilesAsync(new FilePayload { Name = "papel.csv", MimeType = "text/csv", Buffer = file });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver prévia" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Faltam dígitos")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("import-1-preview.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importar 1 cliente" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Clientes importados.")).ToBeVisibleAsync();
        Assert.Equal(12.5m, (await owner.CustomerAsync("+5531987653333")).Balance);

        var slug = await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.Privacy.Slug).SingleAsync());
        var visitor = await app.NewPhoneAsync(javaScript: false);
        await visitor.GotoAsync($"/p/{slug}");
        await Assertions.Expect(visitor.GetByText("Seus direitos (LGPD, art. 18)")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(visitor);
        await visitor.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("privacy-3-public-page.png"), FullPage = true });
    }
}
