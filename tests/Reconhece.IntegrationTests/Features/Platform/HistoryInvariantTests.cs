using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Platform;

/// <summary>
/// Histórico's stored days have one owner (HistoryDays.ForgetAsync) and an invariant that checks them against
/// the purchases every night. In its own database: the violation it plants must not reach InvariantsTests' count.
/// </summary>
public sealed class HistoryInvariantTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>A business with two past purchases of R$ 10 (2 and 3 days ago) whose Histórico was viewed, so those days are stored.</summary>
    private async Task<(OwnerSession Owner, Guid PastPurchase)> StoredDaysAsync(string name)
    {
        var owner = await app.SignUpAsync(name);
        await owner.Client.RegisterPurchaseAsync("11955554444", "10");
        var past = await PastPurchaseAsync(owner, DateTime.UtcNow.AddDays(-2));
        await PastPurchaseAsync(owner, DateTime.UtcNow.AddDays(-3));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await owner.Client.GetAsync("/painel/historico")).Status);
        Assert.True(await app.InBusinessAsync(owner.BusinessId, db => db.HistoryDays.AnyAsync()));
        return (owner, past);
    }

    private Task<Guid> PastPurchaseAsync(OwnerSession owner, DateTime at) => app.InBusinessAsync(owner.BusinessId, async db =>
    {
        var customer = await db.Customers.SingleAsync();
        var purchase = new Purchase
        {
            Id = Guid.CreateVersion7(), CustomerId = customer.Id, BranchId = owner.BranchId, UserId = await db.Users.Select(u => u.Id).FirstAsync(),
            Amount = 10m, Points = 10m, At = at, IdempotencyKey = Guid.NewGuid(),
        };
        db.Purchases.Add(purchase);
        await db.SaveChangesAsync();
        return purchase.Id;
    });

    [Fact]
    public async Task Stored_history_days_that_disagree_with_the_purchases_are_reported_and_a_reversal_through_the_app_keeps_them_true()
    {
        var (reversed, pastPurchase) = await StoredDaysAsync("Loja Que Estornou");
        await reversed.Client.PostAsync($"/compras/{pastPurchase}/estornar", new Dictionary<string, string> { ["reason"] = "digitado errado" });
        var (tampered, _) = await StoredDaysAsync("Loja Adulterada");
        // A purchase written into a stored day behind History's back: the stored day no longer tells the truth.
        await PastPurchaseAsync(tampered, DateTime.UtcNow.AddDays(-2));

        var history = (await app.AnonymousAsync(db => TenantDoors.InvariantViolationsAsync(db, CancellationToken.None)))
            .Where(v => v.CheckName == "histórico").ToList();

        var only = Assert.Single(history, v => v.BusinessId == tampered.BusinessId);
        Assert.Contains("guardado 1 compra e 10.00, registrado 2 compras e 20.00", only.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(history, v => v.BusinessId == reversed.BusinessId);
    }
}
