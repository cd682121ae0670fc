using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;
using Xunit;

namespace Reconhece.UnitTests.Identity;

public sealed class PasswordRulesTests
{
    private static readonly IStringLocalizer<SharedResource> T = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static string? Refusal(string password, string email = "ana@exemplo.com.br", string business = "Sorveteria da Ana") =>
        PasswordRules.Check(password, email, business, T).SingleOrDefault()?.Description;

    [Theory]
    [InlineData("gato azul")]                       // no digit, no capital: fine, no composition rules
    [InlineData("a minha frase de senha favorita")] // phrases and spaces are welcome
    [InlineData("Kf8#qz!2")]
    public void Long_enough_uncommon_passwords_are_accepted(string password) => Assert.Null(Refusal(password));

    [Fact]
    public void Length_is_8_to_128()
    {
        Assert.Equal("A senha precisa ter pelo menos 8 caracteres.", Refusal("curta7c"));
        Assert.Null(Refusal(new string('x', 60) + "zq" + new string('y', 66)));
        Assert.Equal("Use no máximo 128 caracteres na senha.", Refusal(new string('x', 129)));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("Password1")]
    [InlineData("senha123")]
    [InlineData("flamengo")]
    public void Common_passwords_are_refused_whatever_the_case(string password) =>
        Assert.Equal("Esta senha é muito comum e fácil de adivinhar. Escolha outra.", Refusal(password));

    [Theory]
    [InlineData("SorveteriaDaAna!")]
    [InlineData("sorveteria da ana 2026")]
    [InlineData("ana@exemplo.com.br")]
    [InlineData("meu e-mail é ana@exemplo.com.br")]
    public void Passwords_with_the_business_name_or_the_email_are_refused(string password) =>
        Assert.Equal("A senha não pode conter o nome do negócio nem o seu e-mail.", Refusal(password));

    [Fact]
    public void The_shipped_list_holds_at_least_ten_thousand_passwords() => Assert.InRange(PasswordRules.CommonCount, 10_000, 100_000);
}
