using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

public sealed class ReversalAndAdjustmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Reversing_a_mistaken_purchase_takes_its_points_back_and_deletes_nothing()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "40");
        var wrong = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11912345678", "400"));

        var page = await owner.Client.PostAsync($"/compras/{wrong}/estornar", new Dictionary<string, string> { ["Reason"] = "digitou 400 em vez de 40" });
        var again = await owner.Client.PostAsync($"/compras/{wrong}/estornar", new Dictionary<string, string> { ["Reason"] = "de novo" });

        Assert.True(page.Shows("Compra estornada."), page.Text);
        Assert.True(again.Shows("Esta compra já tinha sido estornada."));
        var c = await owner.CustomerAsync("+5511912345678");
        Assert.Equal((40m, 40m, 40m, 1), (c.Balance, c.LifetimePoints, c.LifetimeSpend, c.Visits));
        Assert.Equal(2, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
        var kinds = await app.InBusinessAsync(owner.BusinessId, db => db.Ledger.OrderBy(l => l.Id).Select(l => l.Kind).ToListAsync());
        Assert.Equal([LedgerKind.Earn, LedgerKind.Earn, LedgerKind.Reversal], kinds);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task Two_simultaneous_reversals_take_back_once_and_the_customer_row_follows_the_purchases_left()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        var kept = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11912345678", "80"));
        var wrong = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11912345678", "70"));
        Assert.NotNull((await owner.CustomerAsync("+5511912345678")).EligibleSince);

        // A double tap on two connections: the purchase row lock lets one statement through; the other finds it reversed.
        var pages = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            owner.Client.PostAsync($"/compras/{wrong}/estornar", new Dictionary<string, string> { ["Reason"] = "duplicada" })));

        // Which tap reads which flash depends on the test client's shared cookie jar; the balance says what happened.
        Assert.Contains(pages, p => p.Shows("Compra estornada."));
        Assert.True((await owner.Client.PostAsync($"/compras/{wrong}/estornar", new Dictionary<string, string> { ["Reason"] = "duplicada" }))
            .Shows("Esta compra já tinha sido estornada."));
        var c = await owner.CustomerAsync("+5511912345678");
        Assert.Equal((80m, 80m, 80m, 1), (c.Balance, c.LifetimePoints, c.LifetimeSpend, c.Visits));
        // Below the goal again, and the last purchase is the one that still counts.
        Assert.Null(c.EligibleSince);
        var keptAt = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.Where(p => p.Id == kept).Select(p => p.At).SingleAsync());
        Assert.Equal((keptAt, keptAt), (c.FirstPurchaseAt, c.LastPurchaseAt));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Ledger.CountAsync(l => l.Kind == LedgerKind.Reversal)));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task Reversal_and_recognition_together_keep_balance_equal_to_the_ledger()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        var first = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11912345678", "80"));
        await owner.Client.RegisterPurchaseAsync("11912345678", "70");
        var customer = await owner.CustomerAsync("+5511912345678");
        await owner.Client.SubmitAsync($"/reconhecimento/{customer.Id}", new Dictionary<string, string>());

        await owner.Client.PostAsync($"/compras/{first}/estornar");

        // 80 + 70 − 100 (recognition) − 80 (reversal) = −30: the owner sees the debt instead of points vanishing.
        Assert.Equal(-30m, (await owner.CustomerAsync("+5511912345678")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task Staff_cannot_reverse_someone_else_purchase_nor_adjust_points()
    {
        var owner = await app.SignUpAsync();
        var purchase = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11912345678", "40"));
        var customer = await owner.CustomerAsync("+5511912345678");
        var staff = await owner.AddStaffAsync();
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);

        var reverse = await client.PostAsync($"/compras/{purchase}/estornar", new Dictionary<string, string> { ["Reason"] = "engano" });
        var adjust = await client.PostAsync($"/clientes/{customer.Id}/ajuste", new Dictionary<string, string>
        {
            ["Points"] = "1000", ["Reason"] = "presente", ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var result = await client.GetAsync($"/compras/{purchase}");

        Assert.True(reverse.Shows("Só quem registrou pode desfazer, e só nos primeiros 10 minutos. Peça ao responsável para estornar."), reverse.Text);
        Assert.Equal(HttpStatusCode.Forbidden, adjust.Status);
        Assert.False(result.Shows("Estornar"));
        Assert.False(result.Shows("Desfazer"));
        Assert.True(result.Shows("Para estornar esta compra, peça ao responsável."), result.Text);
        Assert.Equal(40m, (await owner.CustomerAsync("+5511912345678")).Balance);
    }

    [Fact]
    public async Task The_owner_adjusts_points_with_a_reason_and_never_below_zero()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "40");
        var customer = await owner.CustomerAsync("+5511912345678");
        var url = $"/clientes/{customer.Id}";

        var added = await owner.Client.SubmitAsync(url, new Dictionary<string, string> { ["Points"] = "60", ["Reason"] = "cartão de papel" }, action: $"{url}/ajuste");
        var noReason = await owner.Client.SubmitAsync(url, new Dictionary<string, string> { ["Points"] = "10", ["Reason"] = "" }, action: $"{url}/ajuste");
        var tooMuch = await owner.Client.SubmitAsync(url, new Dictionary<string, string> { ["Points"] = "-500", ["Reason"] = "erro" }, action: $"{url}/ajuste");

        Assert.True(added.Shows("Ajuste registrado. Saldo: 100 pontos."), added.Text);
        Assert.True(added.Shows("cartão de papel"));
        Assert.True(noReason.Shows("Informe o motivo do ajuste."));
        Assert.True(tooMuch.Shows("O cliente não tem pontos suficientes para este ajuste."));
        Assert.Equal(100m, (await owner.CustomerAsync("+5511912345678")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }
}
