using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>Ações on a 390 px phone in Chromium: from the Painel to a contact and back.</summary>
public sealed class PhoneAgendaFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task The_owner_goes_from_the_painel_to_a_contact_and_back_and_sees_it_counted()
    {
        var owner = await app.SignUpAsync("Sorveteria Agenda");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        await owner.Client.RegisterPurchaseAsync("11987652001", "150", name: "Marta Meta");
        var page = await app.SignedInPhoneAsync(owner.Email, owner.Password);

        await page.GotoAsync("/painel");
        await page.GetByRole(AriaRole.Link, new() { Name = "Abrir as Ações: quem contatar hoje" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meta atingida" })).ToBeVisibleAsync();
        var whatsApp = page.GetByRole(AriaRole.Link, new() { Name = "WhatsApp" });
        Assert.StartsWith("https://wa.me/5511987652001?text=", await whatsApp.GetAttributeAsync("href"), StringComparison.Ordinal);
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("agenda-1-list.png"), FullPage = true });
        var bytes = await page.EvaluateAsync<int>("document.documentElement.outerHTML.length");
        Assert.True(bytes < 40_000, $"The agenda page is {bytes} characters.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Contato feito" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Contato registrado.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ninguém nesta lista agora.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("1 contato · 0 voltaram (0%) · R$ 0,00").First).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("agenda-2-contact-logged.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Início" }).ClickAsync();
        await page.GotoAsync("/painel");
        await Assertions.Expect(page.GetByText("1 contato · 0 voltaram (0%) · R$ 0,00").First).ToBeVisibleAsync();
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));
    }

}
