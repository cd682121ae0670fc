using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>Promotions on a 390 px phone in Chromium, without JavaScript: create one, register a purchase that gets it, read the result.</summary>
public sealed class PhonePromotionFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task The_owner_creates_a_promotion_staff_see_it_at_the_counter_and_the_result_page_counts_it()
    {
        var owner = await app.SignUpAsync("Sorveteria Dobro");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["RewardValue"] = "25,00", ["Goal"] = "500" });
        var page = await app.SignedInPhoneAsync(owner.Email, owner.Password, javaScript: false);

        await page.GotoAsync("/promocoes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nova promoção" }).ClickAsync();
        await page.GetByLabel("Nome").FillAsync("Terça em dobro");
        await page.GetByLabel("Multiplicar por").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Criar promoção" }).ClickAsync();
        await Assertions.Expect(page.GetByText("O multiplicador precisa ser maior que 1, ex.: 2 para pontos em dobro.")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("promotion-1-form-error.png"), FullPage = true });
        await page.GetByLabel("Multiplicar por").FillAsync("2");
        await page.GetByLabel("Seu custo fora dos pontos: panfletos, brindes (R$)").FillAsync("50,00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Criar promoção" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Promoção criada.")).ToBeVisibleAsync();

        await page.GotoAsync("/registrar");
        await Assertions.Expect(page.GetByText("Terça em dobro: Pontos × 2")).ToBeVisibleAsync();
        await page.GetByLabel("Celular do cliente").FillAsync("(11) 98765-4321");
        await page.GetByLabel("Valor da compra (R$)").FillAsync("45,90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("45 da compra + 45 da promoção Terça em dobro")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("promotion-2-purchase.png"), FullPage = true });

        await page.GotoAsync("/promocoes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Terça em dobro" }).ClickAsync();
        await Assertions.Expect(page.GetByText("45 pontos de bônus, que valem R$ 2,25 ao custo do ponto")).ToBeVisibleAsync();
        // A new business has no earlier weeks: the page must not call every sale of the day extra revenue.
        await Assertions.Expect(page.GetByTestId("verdict")).ToContainTextAsync("Sem base de comparação");
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("promotion-3-result.png"), FullPage = true });
    }

    [Fact]
    public async Task The_history_reads_on_a_phone_without_JavaScript()
    {
        var owner = await app.SignUpAsync("Adega Histórica");
        await owner.Client.RegisterPurchaseAsync("11987654321", "120,00", name: "Lia");
        var page = await app.SignedInPhoneAsync(owner.Email, owner.Password, javaScript: false);

        await page.GotoAsync("/painel");
        await page.GetByRole(AriaRole.Link, new() { Name = "Histórico: 12 meses em gráficos" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Faturamento, por mês" })).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("history-1-months.png"), FullPage = false });
        await page.GetByRole(AriaRole.Link, new() { Name = "12 semanas" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Faturamento, por semana" })).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);

        // Never scored before: the page scores the business on its first view.
        await page.GotoAsync("/clientes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Segmentos (RFV)" }).ClickAsync();
        // One purchase, just now: Novos.
        await page.GetByRole(AriaRole.Link, new() { Name = "Novos", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lia", Exact = true })).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("segments-1-list.png"), FullPage = false });

        // The segment as the group of an invitation, on the phone.
        await page.GotoAsync("/acoes/convites");
        await page.GetByLabel("Ocasião").FillAsync("Degustação de inverno");
        await page.GetByLabel("Data", new() { Exact = true }).FillAsync("20/12/2026");
        await page.GetByLabel("Grupo").SelectOptionAsync(new SelectOptionValue { Label = "Um segmento (RFV)" });
        await page.GetByLabel("Para \"um segmento\": qual").SelectOptionAsync(new SelectOptionValue { Label = "Novos" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Criar convite" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Lia", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("20/12/2026 · 1 convidado · 0 contatados")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("segments-2-invitation.png"), FullPage = false });
    }
}
