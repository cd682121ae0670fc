using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>The product's core loop on two phones: staff register purchases until the customer wins the gift, the owner records it.</summary>
public sealed class PhonePurchaseFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task Staff_register_purchases_until_the_gift_is_won_and_the_owner_records_it()
    {
        var owner = await app.SignUpAsync("Sorveteria Bella");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["RecognitionText"] = "casquinha grátis" });
        var staff = await owner.AddStaffAsync("Téo Atendente");

        var staffPhone = await app.SignedInPhoneAsync(staff.Email, staff.Password);
        await staffPhone.GetByRole(AriaRole.Link, new() { Name = "Registrar compra" }).ClickAsync();

        // First purchase: a new customer, announced by the live lookup while the number is typed.
        await staffPhone.GetByLabel("Celular do cliente").FillAsync("11988887777");
        await Assertions.Expect(staffPhone.Locator("#lookup")).ToHaveTextAsync("Cliente novo: será cadastrado ao registrar.");
        Assert.Equal("(11) 98888-7777", await staffPhone.GetByLabel("Celular do cliente").InputValueAsync());
        await staffPhone.GetByText("Cliente novo? Dados opcionais").ClickAsync();
        await staffPhone.GetByLabel("Nome do cliente").FillAsync("Lia Cliente");
        await staffPhone.GetByLabel("Valor da compra (R$)").FillAsync("45,90");
        await staffPhone.GetByRole(AriaRole.Button, new() { Name = "Registrar" }).ClickAsync();
        await Assertions.Expect(staffPhone.GetByText("Cliente novo", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(staffPhone.GetByTestId("balance")).ToHaveTextAsync("45");

        // Second: returning, still short of the goal.
        await staffPhone.GetByRole(AriaRole.Link, new() { Name = "Registrar outra compra" }).ClickAsync();
        await staffPhone.GetByLabel("Celular do cliente").FillAsync("11988887777");
        await Assertions.Expect(staffPhone.Locator("#lookup")).ToContainTextAsync("Lia Cliente · 45 pontos · 45% da meta");
        await staffPhone.GetByLabel("Valor da compra (R$)").FillAsync("45,90");
        await staffPhone.GetByRole(AriaRole.Button, new() { Name = "Registrar" }).ClickAsync();
        await Assertions.Expect(staffPhone.GetByText("Cliente de volta")).ToBeVisibleAsync();
        await Assertions.Expect(staffPhone.GetByText("Ganhou o brinde!")).ToHaveCountAsync(0);

        // Third: the goal is reached.
        await staffPhone.GetByRole(AriaRole.Link, new() { Name = "Registrar outra compra" }).ClickAsync();
        await staffPhone.GetByLabel("Celular do cliente").FillAsync("(11) 98888-7777");
        // Typed as on a card machine: the amount fills from the right.
        await staffPhone.GetByLabel("Valor da compra (R$)").PressSequentiallyAsync("3000");
        await Assertions.Expect(staffPhone.GetByLabel("Valor da compra (R$)")).ToHaveValueAsync("30,00");
        await staffPhone.GetByRole(AriaRole.Button, new() { Name = "Registrar" }).ClickAsync();
        await Assertions.Expect(staffPhone.GetByText("Ganhou o brinde!", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(staffPhone.GetByText("Prêmio: casquinha grátis.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(staffPhone.GetByTestId("balance")).ToHaveTextAsync("120");
        Assert.True(await staffPhone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await staffPhone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("core-1-purchase-result-eligible.png"), FullPage = true });

        // The owner recognises the customer from the eligible list.
        var ownerPhone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        await ownerPhone.GetByRole(AriaRole.Link, new() { Name = "Mais", Exact = true }).ClickAsync();
        await ownerPhone.GetByRole(AriaRole.Link, new() { Name = "Reconhecimento" }).ClickAsync();
        await Assertions.Expect(ownerPhone.GetByText("Lia Cliente")).ToBeVisibleAsync();
        var invite = await ownerPhone.GetByRole(AriaRole.Link, new() { Name = "Convidar no WhatsApp" }).GetAttributeAsync("href");
        Assert.StartsWith("https://wa.me/5511988887777?text=", invite, StringComparison.Ordinal);
        await ownerPhone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("core-2-eligible-list.png"), FullPage = true });
        await ownerPhone.GetByRole(AriaRole.Link, new() { Name = "Entregar brinde" }).ClickAsync();
        await Assertions.Expect(ownerPhone.GetByLabel("O que foi oferecido")).ToHaveValueAsync("casquinha grátis");
        await ownerPhone.GetByRole(AriaRole.Button, new() { Name = "Registrar entrega" }).ClickAsync();

        await Assertions.Expect(ownerPhone.GetByText("Brinde entregue! 100 pontos saíram do saldo; o que passou da meta continua.")).ToBeVisibleAsync();
        await Assertions.Expect(ownerPhone.Locator(".card .big").First).ToHaveTextAsync("20");
        await ownerPhone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("core-3-customer-after-recognition.png"), FullPage = true });
    }
}
