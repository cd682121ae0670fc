using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

/// <summary>The purchase result tells staff what deserves attention at the counter.</summary>
public sealed class PurchaseHintTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task The_result_says_class_a_back_after_an_absence_and_points_missing()
    {
        var owner = await app.SignUpAsync("Sorveteria Atenção");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "1000", ["InactivityDays"] = "30" });
        var now = DateTimeOffset.UtcNow;
        app.Clock.Now = now.AddDays(-45);
        try
        {
            await owner.Client.RegisterPurchaseAsync("11987650701", "800", name: "Grande Cliente");
            for (var i = 0; i < 8; i++) await owner.Client.RegisterPurchaseAsync($"1198765080{i}", "10");
        }
        finally { app.Clock.Now = null; }

        await SmallCustomersAsync(owner, 30);

        var back = await owner.Client.RegisterPurchaseAsync("11987650701", "20");
        Assert.True(back.Shows("Cliente classe A"), back.Text);
        Assert.True(back.Shows("Voltou depois de 45 dias: agradeça a volta!"), back.Text);
        Assert.True(back.Shows("Faltam 180 pontos para a meta: conte ao cliente!"), back.Text);

        var small = await owner.Client.RegisterPurchaseAsync("11987650899", "5");
        Assert.False(small.Shows("Cliente classe A"), small.Text);
        Assert.False(small.Shows("Voltou depois de"), small.Text);
    }

    [Fact]
    public async Task Class_a_is_never_said_on_a_first_purchase_nor_in_a_shop_with_fewer_than_30_customers()
    {
        var small = await app.SignUpAsync("Sorveteria Pequena");
        await small.Client.RegisterPurchaseAsync("11987650701", "800", name: "Grande Cliente");
        await SmallCustomersAsync(small, 20);
        var returningInASmallShop = await small.Client.RegisterPurchaseAsync("11987650701", "20");

        var big = await app.SignUpAsync("Sorveteria Grande");
        await SmallCustomersAsync(big, 40);
        var firstPurchase = await big.Client.RegisterPurchaseAsync("11987650701", "800", name: "Grande Cliente");
        var secondPurchase = await big.Client.RegisterPurchaseAsync("11987650701", "20");

        Assert.False(returningInASmallShop.Shows("Cliente classe A"), returningInASmallShop.Text);
        Assert.False(firstPurchase.Shows("Cliente classe A"), firstPurchase.Text);
        Assert.True(secondPurchase.Shows("Cliente classe A"), secondPurchase.Text);
    }

    /// <summary>Customers who each earned 10 points once, written straight in (phones one typo apart would ask "É a mesma pessoa?").</summary>
    private static Task<int> SmallCustomersAsync(OwnerSession owner, int count) =>
        owner.App.InBusinessAsync(owner.BusinessId, async db =>
        {
            for (var i = 0; i < count; i++)
                db.Customers.Add(new Customer
                {
                    Id = Guid.CreateVersion7(), Phone = $"+55219{i:00000000}", CreatedAt = DateTime.UtcNow,
                    LifetimePoints = 10, LifetimeSpend = 10, Balance = 10, Visits = 1, FirstPurchaseAt = DateTime.UtcNow, LastPurchaseAt = DateTime.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
}
