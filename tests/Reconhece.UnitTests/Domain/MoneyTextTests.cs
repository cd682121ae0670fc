using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class MoneyTextTests
{
    [Theory]
    [InlineData("45,90", "45.90")]
    [InlineData("45,9", "45.9")]
    [InlineData("45", "45")]
    [InlineData("R$ 45,90", "45.90")]
    [InlineData("R$\u00A01.234,56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1.234", "1234")]
    [InlineData("45.90", "45.90")]
    [InlineData(" 0,50 ", "0.50")]
    public void Amounts_typed_the_Brazilian_way_are_read(string text, string expected)
    {
        Assert.True(MoneyText.TryParseReais(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("45,999")]
    [InlineData("1,234.56")]
    [InlineData("12.34.56")]
    [InlineData("4 5")]
    [InlineData("1e5")]
    public void Anything_else_is_refused(string? text) => Assert.False(MoneyText.TryParseReais(text, out _));

    [Theory]
    [InlineData("3", true, 3)]
    [InlineData(" 12 ", true, 12)]
    [InlineData("2,5", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("dois", false, 0)]
    public void Quantities_are_whole_numbers(string text, bool ok, int expected)
    {
        Assert.Equal(ok, MoneyText.TryParseQuantity(text, out var value));
        Assert.Equal(expected, value);
    }
}
