using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>
/// The counter's flows on a 390-px phone in Chromium, with the taps counted (issue 22). Typing is not a tap;
/// every click is, and each flow states the most it may take.
/// </summary>
public sealed class PhoneCounterFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    /// <summary>Clicks and counts.</summary>
    private sealed class Taps
    {
        public int Count { get; private set; }

        public async Task OnAsync(ILocator target)
        {
            await target.ClickAsync();
            Count++;
        }
    }

    [Fact]
    public async Task Staff_hand_over_the_gift_in_two_taps_after_the_purchase()
    {
        var owner = await app.SignUpAsync("Sorveteria Entrega");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["RecognitionText"] = "uma casquinha" });
        var staff = await owner.AddStaffAsync("Téo Atendente");
        var phone = await app.SignedInPhoneAsync(staff.Email, staff.Password);
        await phone.GotoAsync("/registrar");
        await phone.GetByLabel("Celular do cliente").FillAsync("11988887777");
        await phone.GetByLabel("Valor da compra (R$)").PressSequentiallyAsync("12000");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Ganhou o brinde!")).ToBeVisibleAsync();

        var taps = new Taps();
        await taps.OnAsync(phone.GetByText("Entregar agora: uma casquinha (−100 pontos)"));
        await taps.OnAsync(phone.GetByRole(AriaRole.Button, new() { Name = "Confirmar entrega" }));

        await Assertions.Expect(phone.GetByText("Brinde entregue! 100 pontos saíram do saldo; o que passou da meta continua.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("balance")).ToHaveTextAsync("20");
        await Assertions.Expect(phone.GetByText("Ganhou o brinde!")).ToHaveCountAsync(0);
        Assert.Equal(2, taps.Count);
        Assert.Equal(staff.UserId, await app.InBusinessAsync(owner.BusinessId, db => db.Recognitions.Select(r => r.UserId).SingleAsync()));
        await BrowserAppFactory.AssertFitsThePhoneAsync(phone);
    }

    [Fact]
    public async Task Staff_undo_their_own_purchase_in_two_taps_and_a_reason()
    {
        var owner = await app.SignUpAsync("Sorveteria Desfaz");
        var staff = await owner.AddStaffAsync("Téo Atendente");
        var phone = await app.SignedInPhoneAsync(staff.Email, staff.Password);
        await phone.GotoAsync("/registrar");
        await phone.GetByLabel("Celular do cliente").FillAsync("11988887777");
        await phone.GetByLabel("Valor da compra (R$)").PressSequentiallyAsync("45000");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();

        var taps = new Taps();
        await taps.OnAsync(phone.GetByText("Registrou errado? Desfazer esta compra"));
        await phone.GetByLabel("Motivo").FillAsync("era 45,00");
        await taps.OnAsync(phone.GetByRole(AriaRole.Button, new() { Name = "Desfazer compra" }));

        await Assertions.Expect(phone.GetByText("Compra estornada. Os pontos foram retirados do saldo.")).ToBeVisibleAsync();
        Assert.Equal(2, taps.Count);
        Assert.Equal(0m, (await owner.CustomerAsync("+5511988887777")).Balance);
    }

    [Fact]
    public async Task A_purchase_for_a_customer_found_by_name_takes_five_taps_and_no_phone()
    {
        var owner = await app.SignUpAsync("Adega Nome");
        await owner.Client.RegisterPurchaseAsync("11912345678", "40,00", name: "Paula Souza");
        var staff = await owner.AddStaffAsync("Téo Atendente");
        var phone = await app.SignedInPhoneAsync(staff.Email, staff.Password);
        await phone.GotoAsync("/registrar");

        var taps = new Taps();
        await taps.OnAsync(phone.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "Clientes" }));
        await phone.GetByLabel("Celular ou nome").FillAsync("paula");
        await taps.OnAsync(phone.GetByRole(AriaRole.Button, new() { Name = "Buscar" }));
        await taps.OnAsync(phone.GetByRole(AriaRole.Link, new() { Name = "Paula Souza" }));
        await taps.OnAsync(phone.GetByRole(AriaRole.Link, new() { Name = "Registrar compra", Exact = true }));
        Assert.DoesNotContain("912345678", phone.Url, StringComparison.Ordinal);
        await Assertions.Expect(phone.GetByTestId("chosen")).ToContainTextAsync("Paula Souza");
        await phone.GetByLabel("Valor da compra (R$)").PressSequentiallyAsync("2500");
        await taps.OnAsync(phone.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }));

        await Assertions.Expect(phone.GetByTestId("balance")).ToHaveTextAsync("65");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Paula Souza" })).ToBeVisibleAsync();
        Assert.Equal(5, taps.Count);
        await BrowserAppFactory.AssertFitsThePhoneAsync(phone);
    }

    [Fact]
    public async Task The_setup_checklist_disappears_step_by_step()
    {
        var owner = await app.SignUpAsync("Sorveteria Começo");
        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        await phone.GotoAsync("/painel");
        var setup = phone.GetByTestId("setup");
        await Assertions.Expect(setup.Locator("li[data-step]")).ToHaveCountAsync(3);  // the email is confirmed already
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("start-1-checklist.png"), FullPage = true });

        await phone.GetByRole(AriaRole.Button, new() { Name = "Manter assim" }).ClickAsync();
        await Assertions.Expect(setup.Locator("li[data-step]")).ToHaveCountAsync(2);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Trabalho sem equipe" }).ClickAsync();
        await Assertions.Expect(setup.Locator("li[data-step]")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.GetByTestId("today")).ToHaveCountAsync(0);

        await phone.GetByRole(AriaRole.Link, new() { Name = "Registrar compra" }).First.ClickAsync();
        await phone.GetByLabel("Celular do cliente").FillAsync("11988887777");
        await phone.GetByLabel("Valor da compra (R$)").PressSequentiallyAsync("1500");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
        await phone.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "Início" }).ClickAsync();

        await Assertions.Expect(phone.GetByTestId("setup")).ToHaveCountAsync(0);
        await Assertions.Expect(phone.GetByTestId("today")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(phone);
    }
}
