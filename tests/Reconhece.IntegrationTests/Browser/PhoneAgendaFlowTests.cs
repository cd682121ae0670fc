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

        await owner.Client.RegisterPurchaseAsync("11987652002", "120", name: "Nina Seguinte");
        // WhatsApp cannot be reached here: the new tab's wa.me page is answered locally.
        await page.Context.RouteAsync("https://wa.me/**", route => route.FulfillAsync(new() { Body = "WhatsApp", ContentType = "text/plain" }));

        await page.GotoAsync("/painel");
        await page.GetByRole(AriaRole.Link, new() { Name = "Abrir as Ações: quem contatar hoje" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meta atingida" })).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("agenda-1-list.png"), FullPage = true });
        var bytes = await page.EvaluateAsync<int>("document.documentElement.outerHTML.length");
        Assert.True(bytes < 40_000, $"The agenda page is {bytes} characters.");
        var nina = await app.InBusinessAsync(owner.BusinessId, db => db.Customers.Where(c => c.Name == "Nina Seguinte").Select(c => c.Id).SingleAsync());

        // A contact in one tap: WhatsApp opens in a new tab with the message, and the contact is logged.
        var taps = 0;
        var whatsApp = await page.RunAndWaitForPopupAsync(async () =>
        {
            await page.Locator("li", new() { HasText = "Marta Meta" }).GetByRole(AriaRole.Button, new() { Name = "Enviar no WhatsApp" }).ClickAsync();
            taps++;
        });
        await whatsApp.WaitForURLAsync("https://wa.me/**");
        Assert.StartsWith("https://wa.me/5511987652001?text=", whatsApp.Url, StringComparison.Ordinal);
        Assert.Equal(1, taps);
        // Back in the app: the contact is registered, can be undone, and the page sits at the next card.
        await Assertions.Expect(page.GetByText("Contato registrado: Marta Meta")).ToBeVisibleAsync();
        Assert.EndsWith($"#c-{nina}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("ul.list li", new() { HasText = "Marta Meta" })).ToHaveCountAsync(0);
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("agenda-2-contact-logged.png"), FullPage = true });
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));

        // "Desfazer": one tap, and Marta is back on the list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Desfazer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Contato desfeito: o cliente voltou para a lista.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.list li", new() { HasText = "Marta Meta" })).ToHaveCountAsync(1);
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));

        // The other ways sit behind "⋯".
        var marta = page.Locator("li", new() { HasText = "Marta Meta" });
        await marta.GetByLabel("Outras ações").ClickAsync();
        await marta.GetByRole(AriaRole.Button, new() { Name = "Contato pessoalmente" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Contato registrado. O cliente sai da agenda por 7 dias.")).ToBeVisibleAsync();
        Assert.EndsWith($"#c-{nina}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText("1 contato · 0 voltaram (0%) · R$ 0,00").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Início" }).ClickAsync();
        await page.GotoAsync("/painel");
        await Assertions.Expect(page.GetByText("1 contato · 0 voltaram (0%) · R$ 0,00").First).ToBeVisibleAsync();
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));
    }

}
