using Reconhece.Web.Features.Shared;
using Xunit;

namespace Reconhece.UnitTests.Infrastructure;

public sealed class PluralsTests
{
    [Theory]
    [InlineData(1, "1 ponto")]
    [InlineData(0, "0 pontos")]
    [InlineData(2, "2 pontos")]
    [InlineData(1.5, "1,5 pontos")]
    [InlineData(1000, "1.000 pontos")]
    public void One_takes_the_singular_and_every_other_count_the_plural(double n, string expected)
    {
        var count = (decimal)n;
        Assert.Equal(expected, new KeysAsText().Plural(count, "{0} ponto", "{0} pontos", Format.Points(count)).Value);
    }

    [Fact]
    public void Text_that_is_not_localized_follows_the_same_rule()
    {
        Assert.Equal("1 compra", Format.Count(1, "compra", "compras"));
        Assert.Equal("0 compras", Format.Count(0, "compra", "compras"));
        Assert.Equal("1.234 compras", Format.Count(1234, "compra", "compras"));
    }
}
