using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>The whole first visit on a phone, in a real Chromium, without shortcuts.</summary>
public sealed class PhoneSignUpFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task An_owner_signs_up_signs_out_signs_in_adds_staff_and_the_staff_member_signs_in()
    {
        var page = await app.NewPhoneAsync();
        var ownerEmail = Scenario.UniqueEmail("dono.browser");
        var staffEmail = Scenario.UniqueEmail("atendente.browser");

        // Sign up from the landing page.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cadastre seu negócio" }).ClickAsync();
        await page.GetByLabel("Nome do negócio").FillAsync("Gelateria Bella");
        await page.GetByLabel("Seu nome").FillAsync("Rita Dona");
        await page.GetByLabel("E-mail").FillAsync(ownerEmail);
        await page.GetByLabel("Celular").FillAsync("11987654321");
        await page.GetByLabel("Senha").FillAsync(Scenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cadastrar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gelateria Bella" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Bem-vindo! Seu negócio foi cadastrado.")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("foundation-1-owner-home.png"), FullPage = true });

        // Sign out and back in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sair" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Entrar" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(ownerEmail);
        await page.GetByLabel("Senha").FillAsync(Scenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Olá, Rita Dona!")).ToBeVisibleAsync();

        // Add a staff member.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mais", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Equipe" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Adicionar pessoa" }).ClickAsync();
        await page.GetByLabel("Nome").FillAsync("Téo Atendente");
        await page.GetByLabel("E-mail (para entrar)").FillAsync(staffEmail);
        await page.GetByLabel("Filial").SelectOptionAsync(new SelectOptionValue { Label = "Principal" });
        await page.GetByLabel("Senha do primeiro acesso").FillAsync(Scenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Téo Atendente já pode entrar com o e-mail {staffEmail}.")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("foundation-2-staff-list.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sair" }).ClickAsync();

        // The staff member signs in on their own phone and sees their branch, not the owner's menu.
        var staffPhone = await app.NewPhoneAsync();
        await staffPhone.GotoAsync("/entrar");
        await staffPhone.GetByLabel("E-mail").FillAsync(staffEmail);
        await staffPhone.GetByLabel("Senha").FillAsync(Scenario.Password);
        await staffPhone.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Assertions.Expect(staffPhone.GetByText("Olá, Téo Atendente!")).ToBeVisibleAsync();
        await Assertions.Expect(staffPhone.GetByText("Filial: Principal")).ToBeVisibleAsync();
        await Assertions.Expect(staffPhone.GetByRole(AriaRole.Link, new() { Name = "Equipe" })).ToHaveCountAsync(0);
        await staffPhone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("foundation-3-staff-home.png"), FullPage = true });
    }

}
