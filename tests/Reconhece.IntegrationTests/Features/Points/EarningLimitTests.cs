using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Points;

/// <summary>Earning limits (Programa → Limites): the purchase is stored, earns nothing, and staff read why. Nothing is capped.</summary>
public sealed class EarningLimitTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string? NoEarn(Page page) => page.Doc.QuerySelector("[data-testid=no-earn]") is { } e ? Page.Normalize(e.TextContent).Trim() : null;

    [Fact]
    public async Task A_purchase_under_the_minimum_is_stored_without_points_and_staff_are_told()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["MinEarningAmount"] = "10,00" });

        var small = await owner.Client.RegisterPurchaseAsync("11912345678", "9,99");
        var enough = await owner.Client.RegisterPurchaseAsync("11912345678", "10");

        Assert.Equal("Compra registrada sem pontos: abaixo do valor mínimo de R$ 10,00 para pontuar.", NoEarn(small));
        Assert.Null(NoEarn(enough));
        var c = await owner.CustomerAsync("+5511912345678");
        Assert.Equal((10m, 2, 19.99m), (c.Balance, c.Visits, c.LifetimeSpend));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task A_purchase_over_the_maximum_points_earns_nothing_it_is_never_cut()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["MaxPointsPerPurchase"] = "1.000" });

        var typo = await owner.Client.RegisterPurchaseAsync("11912345678", "4.590,00");

        Assert.Equal("Compra registrada sem pontos: daria mais que o máximo de 1.000 pontos por compra. Confira o valor; se estiver errado, desfaça e registre de novo.", NoEarn(typo));
        Assert.Equal(0m, (await owner.CustomerAsync("+5511912345678")).Balance);
        Assert.Equal(NoEarnReason.AbovePointsCap, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.Select(p => p.NoEarnReason).SingleAsync()));
    }

    [Fact]
    public async Task The_daily_limit_counts_earning_purchases_and_a_reversal_gives_the_slot_back()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["MaxEarningPurchasesPerDay"] = "1", ["MinEarningAmount"] = "5" });

        var tiny = await owner.Client.RegisterPurchaseAsync("11912345678", "2");     // under the minimum: takes no slot
        var first = await owner.Client.RegisterPurchaseAsync("11912345678", "30");
        var second = await owner.Client.RegisterPurchaseAsync("11912345678", "40");
        await owner.Client.PostAsync($"/compras/{LoyaltyScenario.PurchaseIdFrom(first)}/estornar", new Dictionary<string, string> { ["Reason"] = "errado" });
        var again = await owner.Client.RegisterPurchaseAsync("11912345678", "35");

        Assert.NotNull(NoEarn(tiny));
        Assert.Null(NoEarn(first));
        Assert.Equal("Compra registrada sem pontos: o cliente já fez 1 compra com pontos hoje, o limite do programa.", NoEarn(second));
        Assert.Null(NoEarn(again));
        Assert.Equal(35m, (await owner.CustomerAsync("+5511912345678")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    public static TheoryData<string, string, string> BadLimits => new()
    {
        { "MaxEarningPurchasesPerDay", "0", "Informe de 1 a 100 compras por dia, ou deixe em branco para não limitar." },
        { "MaxEarningPurchasesPerDay", "duas", "Informe de 1 a 100 compras por dia, ou deixe em branco para não limitar." },
        { "MinEarningAmount", "-5", "Informe um número maior que zero, ex.: 0,50." },
        { "MaxPointsPerPurchase", "0", "Informe um número maior que zero, ex.: 0,50." },
        { "PointsExpiryMonths", "0", "Informe de 1 a 120 meses, ou deixe em branco para os pontos não vencerem." },
        { "RewardValue", "abc", "Informe um número maior que zero, ex.: 0,50." },
    };

    [Theory]
    [MemberData(nameof(BadLimits))]
    public async Task Bad_limits_get_a_pt_br_message_and_change_nothing(string field, string value, string message)
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.SubmitAsync("/programa", new Dictionary<string, string> { [field] = value });

        Assert.NotEqual(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains(message, page.Text, StringComparison.Ordinal);
        var program = await app.InBusinessAsync(owner.BusinessId, db => db.Programs.AsNoTracking().SingleAsync());
        Assert.Equal((null, null, null, null, null), (program.MaxEarningPurchasesPerDay, program.MinEarningAmount, program.MaxPointsPerPurchase, program.PointsExpiryMonths, program.RewardValue));
    }
}
