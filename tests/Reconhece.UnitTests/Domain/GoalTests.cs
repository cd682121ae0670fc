using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class GoalTests
{
    [Theory]
    [InlineData(499.99, 500, false)]
    [InlineData(500, 500, true)]
    [InlineData(730, 500, true)]
    [InlineData(10, 0, false)]
    public void The_goal_is_reached_at_or_above_it(decimal balance, decimal goal, bool reached) =>
        Assert.Equal(reached, Goal.IsReached(balance, goal));

    [Theory]
    [InlineData(0, 500, 0)]
    [InlineData(45, 500, 9)]
    [InlineData(499, 500, 99)]
    [InlineData(500, 500, 100)]
    [InlineData(1200, 500, 100)]
    [InlineData(-30, 100, 0)]
    public void Progress_is_a_whole_percentage_capped_at_100(decimal balance, decimal goal, int percent) =>
        Assert.Equal(percent, Goal.Percent(balance, goal));

    [Theory]
    [InlineData(45, 500, 455)]
    [InlineData(600, 500, 0)]
    public void Missing_points_never_go_negative(decimal balance, decimal goal, decimal missing) =>
        Assert.Equal(missing, Goal.Missing(balance, goal));

    [Theory]
    [InlineData(399.99, 500, 80, false)]
    [InlineData(400, 500, 80, true)]
    [InlineData(499.99, 500, 80, true)]
    [InlineData(500, 500, 80, false)]   // reached is not "quase lá"
    [InlineData(10, 0, 80, false)]      // no goal, nothing is near
    public void Near_the_goal_is_from_the_business_percent_up_to_just_below_the_goal(decimal balance, decimal goal, int percent, bool near) =>
        Assert.Equal(near, Goal.IsNear(balance, goal, percent));
}
