using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>The phone mask types along with staff and never changes a digit; the server reads the prefixes the same way.</summary>
public sealed class PhoneMaskTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    // typed key by key → what the field shows → what registering does
    public static TheoryData<string, string, string> Typed => new()
    {
        { "011 98765 4321", "0 (11) 98765-4321", "(11) 98765-4321" },          // trunk 0: was "(01) 19876-5432" and refused
        { "0 15 11 98765-4321", "0 15 (11) 98765-4321", "(11) 98765-4321" },   // carrier code
        { "0xx11 98765-4321", "0 (11) 98765-4321", "(11) 98765-4321" },
        { "+55 11 98765-4321", "+55 (11) 98765-4321", "(11) 98765-4321" },
        { "5511987654321", "55 (11) 98765-4321", "(11) 98765-4321" },
        { "11987654321", "(11) 98765-4321", "(11) 98765-4321" },
        { "(11) 98765-43210", "(11) 98765-43210", "Há dígitos a mais" },      // was cut to (11) 98765-4321 and credited
        { "1187654321", "(11) 8765-4321", "Falta um dígito" },
    };

    [Theory]
    [MemberData(nameof(Typed))]
    public async Task The_mask_formats_only_the_digits_typed_and_the_server_agrees(string typed, string shown, string outcome)
    {
        var owner = await app.SignUpAsync();
        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        await phone.GotoAsync("/registrar");

        var field = phone.GetByLabel("Celular do cliente");
        await field.PressSequentiallyAsync(typed);
        var value = await field.InputValueAsync();
        Assert.Equal(shown, value);
        Assert.Equal(Digits(typed), Digits(value));

        await phone.GetByLabel("Valor da compra (R$)").FillAsync("10,00");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Registrar" }).ClickAsync();
        if (outcome.StartsWith('('))
        {
            await Assertions.Expect(phone.GetByTestId("balance")).ToHaveTextAsync("10");
            await Assertions.Expect(phone.GetByText(outcome).First).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(phone.Locator(".field-error, .field-validation-error").First).ToContainTextAsync(outcome);
            Assert.Equal(Digits(typed), Digits(await field.InputValueAsync()));  // the form gives back what was typed
        }
    }

    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());
}
