using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Reports;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>
/// The ABC class is one rule in SQL (abc_classes for everyone, abc_class_of for one customer at the counter),
/// with Domain/AbcClasses as its executable specification: on a grid of ties, zero and negative points,
/// non-buyers and an anonymised customer, and several thresholds, all three give the same class to everyone.
/// </summary>
public sealed class AbcClassTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Seed(decimal Points, decimal Spend, int Visits, bool Anonymised = false);

    private static readonly Seed[] Grid =
    [
        new(900, 900, 9), new(300, 320, 3), new(300, 320, 3), new(300, 310, 3), new(120, 150, 2), new(120, 150, 2, Anonymised: true),
        new(50, 60, 1), new(50, 60, 1), new(49.5m, 80, 1), new(10, 10, 1), new(0, 5, 1), new(-5, 0, 1), new(0, 0, 0), new(40, 40, 0),
    ];

    [Theory]
    [InlineData(80, 95)]
    [InlineData(50, 90)]
    [InlineData(20, 40)]
    [InlineData(1, 2)]
    public async Task The_database_functions_and_the_specification_class_every_customer_alike(int a, int b)
    {
        var owner = await app.SignUpAsync();
        await app.AsAdminAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE businesses SET reports_class_a_percent = {a}, reports_class_b_percent = {b} WHERE id = {owner.BusinessId}"));
        var customers = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var rows = Grid.Select((s, i) => new Customer
            {
                Id = Guid.NewGuid(), Phone = $"+55219{i:00000000}", CreatedAt = DateTime.UtcNow, LifetimePoints = s.Points, Balance = s.Points,
                LifetimeSpend = s.Spend, Visits = s.Visits, AnonymizedAt = s.Anonymised ? DateTime.UtcNow : null,
            }).ToList();
            db.Customers.AddRange(rows);
            await db.SaveChangesAsync();
            return rows;
        });

        var (all, one) = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var ranks = await AbcRanks.LoadAsync(db, owner.BusinessId, CancellationToken.None);
            var each = new Dictionary<Guid, string?>();
            foreach (var c in customers)
                each[c.Id] = (await db.Database.SqlQuery<string?>($"SELECT abc_class_of({owner.BusinessId}, {c.Id}) AS \"Value\"").ToListAsync()).Single();
            return (ranks, each);
        });

        // The specification: buyers only, by points, then spend, then id as PostgreSQL orders uuids (their bytes, as text).
        var buyers = customers.Where(c => c.Visits > 0)
            .OrderByDescending(c => c.LifetimePoints).ThenByDescending(c => c.LifetimeSpend).ThenBy(c => c.Id.ToString(), StringComparer.Ordinal).ToList();
        var classes = new AbcClasses(buyers.Sum(c => Math.Max(0, c.LifetimePoints)), a, b);
        var expected = buyers.ToDictionary(c => c.Id, c => classes.Next(c.LifetimePoints).ToString());

        Assert.Equal(expected.OrderBy(e => e.Key), all.ToDictionary(r => r.Key, r => r.Value.Class).OrderBy(e => e.Key));
        Assert.Equal(buyers.Select(c => c.Id), all.Values.OrderBy(r => r.Rank).Select(r => r.CustomerId));
        Assert.All(customers, c => Assert.Equal(expected.GetValueOrDefault(c.Id), one[c.Id]));
        Assert.Contains("A", expected.Values);
    }
}
