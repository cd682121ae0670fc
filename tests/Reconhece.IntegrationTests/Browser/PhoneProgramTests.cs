using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>Programa on a 390-px phone (issue 22): only the chosen way's fields, a live summary, Salvar in sight.</summary>
public sealed class PhoneProgramTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task Only_the_chosen_way_shows_the_summary_follows_the_typing_and_Salvar_stays_in_sight()
    {
        var owner = await app.SignUpAsync();
        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        await phone.GotoAsync("/programa");

        await Assertions.Expect(phone.GetByLabel("A cada quantos reais o cliente ganha 1 ponto?")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByLabel("Item contado")).ToBeHiddenAsync();
        await phone.GetByLabel("A cada quantos reais o cliente ganha 1 ponto?").FillAsync("2,00");
        await Assertions.Expect(phone.GetByTestId("summary")).ToContainTextAsync("Gastando R$ 50,00 o cliente ganha 25 pontos.");

        await phone.GetByLabel("Por unidade de um item").CheckAsync();
        await Assertions.Expect(phone.GetByLabel("A cada quantos reais o cliente ganha 1 ponto?")).ToBeHiddenAsync();
        await phone.GetByLabel("Item contado").FillAsync("lavagem");
        await Assertions.Expect(phone.GetByTestId("summary")).ToContainTextAsync("Comprando 1 lavagem o cliente ganha 1 ponto.");

        var salvar = phone.GetByRole(AriaRole.Button, new() { Name = "Salvar" });
        Assert.True(await salvar.IsVisibleAsync());
        var box = (await salvar.BoundingBoxAsync())!;
        Assert.True(box.Y + box.Height <= 844 - 56, $"Salvar at {box.Y}+{box.Height}, under the tab bar or off screen");
        await BrowserAppFactory.AssertFitsThePhoneAsync(phone);
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("program-1-summary.png") });
    }
}
