using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class PointRuleTests
{
    private static PointRule ByValue(decimal valuePerPoint, PointRounding rounding = PointRounding.WholeDown) =>
        new(PointRuleKind.ByValue, valuePerPoint, rounding, 1m);

    [Theory]
    [InlineData("1.00", "45.90", "45")]
    [InlineData("1.00", "45.99", "45")]
    [InlineData("1.00", "0.99", "0")]
    [InlineData("0.50", "45.90", "91")]
    [InlineData("0.50", "0.50", "1")]
    [InlineData("2.00", "45.90", "22")]
    [InlineData("0.30", "1.00", "3")]
    [InlineData("10.00", "100000.00", "10000")]
    public void By_value_whole_points_round_down(string valuePerPoint, string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ByValue(decimal.Parse(valuePerPoint, System.Globalization.CultureInfo.InvariantCulture))
                .PointsFor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), null));

    [Fact]
    public void Nearest_rounding_rounds_half_up()
    {
        var rule = ByValue(1.00m, PointRounding.WholeNearest);
        Assert.Equal(46m, rule.PointsFor(45.50m, null));
        Assert.Equal(45m, rule.PointsFor(45.49m, null));
    }

    [Fact]
    public void Fractional_points_keep_two_decimals_without_rounding_up()
    {
        Assert.Equal(45.90m, ByValue(1.00m, PointRounding.Fractional).PointsFor(45.90m, null));
        Assert.Equal(33.33m, ByValue(0.30m, PointRounding.Fractional).PointsFor(10.00m, null));
    }

    [Theory]
    [InlineData(1, "1", "1")]
    [InlineData(3, "1", "3")]
    [InlineData(3, "2.5", "7.5")]
    [InlineData(12, "10", "120")]
    public void By_unit_counts_the_quantity(int quantity, string perUnit, string expected)
    {
        var rule = new PointRule(PointRuleKind.ByUnit, 1m, PointRounding.WholeDown, decimal.Parse(perUnit, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rule.PointsFor(389.70m, quantity));
    }
}
