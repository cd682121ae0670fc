using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Agenda;

/// <summary>
/// "Quase lá" and "inactive" are stated once in C# (Goal.IsNear, Inactivity) and reach SQL as thresholds
/// (Ações' one-pass query): on customers placed just either side of each threshold, Ações' lists hold
/// exactly the customers the C# rules name.
/// </summary>
public sealed class AgendaRuleAgreementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Acoes_quase_la_and_sumindo_are_exactly_the_customers_the_CSharp_rules_name()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "500", ["InactivityDays"] = "30" });
        var now = DateTime.UtcNow;
        decimal[] balances = [0m, 399.99m, 400m, 450m, 499.99m];
        TimeSpan[] ages = [TimeSpan.FromDays(29), TimeSpan.FromDays(30) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(30) + TimeSpan.FromMinutes(5), TimeSpan.FromDays(45)];
        var customers = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var rows = new List<Customer>();
            var i = 0;
            foreach (var balance in balances)
                foreach (var age in ages)
                    rows.Add(new Customer
                    {
                        Id = Guid.NewGuid(), Phone = $"+55219{i++:00000000}", CreatedAt = now - TimeSpan.FromDays(60), Balance = balance,
                        LifetimePoints = balance, Visits = 1, FirstPurchaseAt = now - age, LastPurchaseAt = now - age,
                    });
            db.Customers.AddRange(rows);
            await db.SaveChangesAsync();
            return rows;
        });

        var (near, fading) = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var context = await AgendaContext.LoadAsync(db, CancellationToken.None);
            return (await AgendaQuery.IdsAsync(db, context, AgendaList.NearGoal, now, CancellationToken.None),
                    await AgendaQuery.IdsAsync(db, context, AgendaList.Fading, now, CancellationToken.None));
        });

        // Ações gives each customer one list, "Sumindo" before "Quase lá".
        var inactive = Inactivity.Customers(now, 30).Compile();
        var expectedFading = customers.Where(inactive).Select(c => c.Id).Order().ToList();
        var expectedNear = customers.Where(c => !inactive(c) && Goal.IsNear(c.Balance, 500m, 80)).Select(c => c.Id).Order().ToList();
        Assert.Equal(expectedFading, fading.Order().ToList());
        Assert.Equal(expectedNear, near.Order().ToList());
        Assert.Equal(10, expectedFading.Count);
        Assert.Equal(6, expectedNear.Count);
    }
}
