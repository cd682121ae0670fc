using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>The purchase form on a 390-px phone (issue 22): the amount fills from the right, "Registrar" stays in sight.</summary>
public sealed class PhoneRegisterFormTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task The_amount_fills_from_the_right_on_the_numeric_keypad_and_registers_those_reais()
    {
        var owner = await app.SignUpAsync();
        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        await phone.GotoAsync("/registrar");
        var amount = phone.GetByLabel("Valor da compra (R$)");
        Assert.Equal("numeric", await amount.GetAttributeAsync("inputmode"));
        Assert.Equal("go", await amount.GetAttributeAsync("enterkeyhint"));

        await amount.PressSequentiallyAsync("1");
        Assert.Equal("0,01", await amount.InputValueAsync());
        await amount.PressSequentiallyAsync("0");
        Assert.Equal("0,10", await amount.InputValueAsync());
        await amount.PressSequentiallyAsync("00");
        Assert.Equal("10,00", await amount.InputValueAsync());
        await amount.PressSequentiallyAsync("0000");
        Assert.Equal("100.000,00", await amount.InputValueAsync());
        for (var i = 0; i < 4; i++) await amount.PressAsync("Backspace");
        Assert.Equal("10,00", await amount.InputValueAsync());

        await phone.GetByLabel("Celular do cliente").FillAsync("11912345678");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();

        await Assertions.Expect(phone.GetByTestId("balance")).ToHaveTextAsync("10");
        Assert.Equal(10m, (await owner.CustomerAsync("+5511912345678")).Balance);
    }

    [Theory]
    [InlineData("10,00")]
    [InlineData("10")]
    public async Task Without_javascript_the_amount_is_read_as_typed(string typed)
    {
        var owner = await app.SignUpAsync();
        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password, javaScript: false);
        await phone.GotoAsync("/registrar");
        Assert.Equal("decimal", await phone.GetByLabel("Valor da compra (R$)").GetAttributeAsync("inputmode"));

        await phone.GetByLabel("Celular do cliente").FillAsync("11912345678");
        await phone.GetByLabel("Valor da compra (R$)").FillAsync(typed);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();

        await Assertions.Expect(phone.GetByTestId("balance")).ToHaveTextAsync("10");
    }

    [Fact]
    public async Task Registrar_stays_in_sight_above_the_tab_bar_and_above_the_keyboard()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectEmail"] = "true", ["CollectBirthDate"] = "true" });
        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        await phone.SetViewportSizeAsync(390, 640);
        await phone.GotoAsync("/registrar");
        await phone.GetByText("Cliente novo? Dados opcionais").ClickAsync();  // the form is now taller than the screen
        var button = phone.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true });
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollHeight > innerHeight"));

        Assert.True(await OnTopAndInSightAsync(phone), "above the tab bar");

        // The keyboard opens: with interactive-widget=resizes-content the page ends above it.
        var amount = phone.GetByLabel("Valor da compra (R$)");
        await amount.FocusAsync();
        await phone.SetViewportSizeAsync(390, 330);
        await amount.EvaluateAsync("e => e.scrollIntoView({ block: 'nearest' })");  // as the browser does for the focused field
        Assert.True(await OnTopAndInSightAsync(phone), "above the keyboard");
        // The field being typed in is in sight too, above the button.
        var field = (await amount.BoundingBoxAsync())!;
        var buttonBox = (await button.BoundingBoxAsync())!;
        Assert.True(field.Y >= 0 && field.Y + field.Height <= buttonBox.Y, $"field {field.Y}+{field.Height}, button {buttonBox.Y}");
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("counter-register-keyboard.png") });
        await button.ClickAsync();
        await Assertions.Expect(phone.GetByText("Informe o celular do cliente.").First).ToBeVisibleAsync();
    }

    /// <summary>The button lies inside the viewport and nothing covers its middle.</summary>
    private static Task<bool> OnTopAndInSightAsync(IPage phone) => phone.EvaluateAsync<bool>("""
        () => {
          const b = [...document.querySelectorAll('button')].find(x => x.textContent.trim() === 'Registrar');
          const r = b.getBoundingClientRect();
          if (r.top < 0 || r.bottom > innerHeight) return false;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit === b || b.contains(hit);
        }
        """);
}
