using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class AbcClassesTests
{
    private static string Classes(int a, int b, params decimal[] points)
    {
        var abc = new AbcClasses(points.Where(p => p > 0).Sum(), a, b);
        return new string(points.Select(abc.Next).ToArray());
    }

    [Fact]
    public void Customers_are_classed_by_the_share_of_everyone_ranked_above_them()
    {
        // 100 points: before each customer 0, 50, 75, 85, 93, 96, 98 %.
        Assert.Equal("AAABBCC", Classes(80, 95, 50, 25, 10, 8, 3, 2, 2));
    }

    [Fact]
    public void The_top_customer_is_always_class_A_even_with_most_of_the_points()
    {
        Assert.Equal("ABC", Classes(80, 95, 90, 6, 4));
    }

    [Fact]
    public void Thresholds_are_the_owner_s()
    {
        Assert.Equal("ACCC", Classes(50, 60, 70, 10, 10, 10));
        Assert.Equal("AABC", Classes(60, 80, 50, 20, 15, 15));
    }

    [Fact]
    public void Customers_without_points_are_class_C_and_no_points_at_all_divides_by_nothing()
    {
        Assert.Equal("AC", Classes(80, 95, 10, 0));
        Assert.Equal("CC", Classes(80, 95, 0, 0));
    }

    [Theory]
    [InlineData(80, 95, true)]
    [InlineData(95, 80, false)]
    [InlineData(80, 80, false)]
    [InlineData(0, 50, false)]
    [InlineData(50, 100, false)]
    public void Thresholds_must_grow_and_stay_below_100(int a, int b, bool valid) =>
        Assert.Equal(valid, AbcClasses.ValidThresholds(a, b));
}
