using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Points;

/// <summary>Eligibility is written once in SQL (goal_reached) and once in C# (Goal.IsReached, mapped to it in LINQ): they must agree.</summary>
public sealed class EligibilityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_database_function_and_the_CSharp_rule_give_the_same_answer_everywhere()
    {
        decimal[] values = [-1m, 0m, 0.01m, 99.99m, 100m, 100.01m, 500m];
        var grid = values.SelectMany(b => values.Select(g => (Balance: b, Goal: g))).ToList();

        var answers = await app.AsAdminAsync(async db =>
        {
            var result = new List<bool>();
            foreach (var (balance, goal) in grid)
                result.Add((await db.Database.SqlQuery<bool>($"SELECT goal_reached({balance}, {goal}) AS \"Value\"").ToListAsync()).Single());
            return result;
        });

        Assert.Equal(grid.Select(x => Goal.IsReached(x.Balance, x.Goal)), answers);
        Assert.Contains(true, answers);
        Assert.Contains(false, answers);
    }

    [Fact]
    public async Task A_LINQ_query_with_Goal_IsReached_runs_in_the_database_as_goal_reached()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        await owner.Client.RegisterPurchaseAsync("11987650101", "150");
        await owner.Client.RegisterPurchaseAsync("21987650202", "50");

        var (sql, eligible) = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var query = db.Customers.Where(c => Goal.IsReached(c.Balance, 100m));
            return (query.ToQueryString(), await query.Select(c => c.Phone).ToListAsync());
        });

        Assert.Contains("goal_reached(", sql, StringComparison.Ordinal);
        Assert.Equal(["+5511987650101"], eligible);
    }
}
