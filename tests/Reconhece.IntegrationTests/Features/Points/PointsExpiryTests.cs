using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Points;

/// <summary>
/// Points expire N months after they were earned, oldest first: a recognition spends the oldest points, a
/// reversed purchase's points never existed, and the daily job is safe to run twice.
/// </summary>
public sealed class PointsExpiryTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private const string Phone = "+5511912345678";

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 15, 0, 0, TimeSpan.Zero);

    private async Task<AppClient> AtAsync(OwnerSession owner, DateTimeOffset when)
    {
        app.Clock.Now = when;
        return (await app.SignInAsync(owner.Email, owner.Password)).Client;
    }

    private Task<int> RunJobAsync(DateTimeOffset when)
    {
        app.Clock.Now = when;
        return app.InScopeAsync<ExpirePoints, int>(job => job.RunAsync());
    }

    [Fact]
    public async Task Points_expire_oldest_first_across_recognitions_reversals_and_purchases()
    {
        app.Clock.Now = At(1, 9);
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["PointsExpiryMonths"] = "3" });
        await (await AtAsync(owner, At(1, 10))).RegisterPurchaseAsync("11912345678", "60");          // A: 60
        await (await AtAsync(owner, At(2, 10))).RegisterPurchaseAsync("11912345678", "50");          // B: 50
        var customer = await owner.CustomerAsync(Phone);
        await (await AtAsync(owner, At(2, 15))).SubmitAsync($"/reconhecimento/{customer.Id}", new Dictionary<string, string>()); // −100: all of A, 40 of B
        await (await AtAsync(owner, At(3, 1))).RegisterPurchaseAsync("11912345678", "30");           // C: 30
        var d = await (await AtAsync(owner, At(3, 5))).RegisterPurchaseAsync("11912345678", "20");   // D: 20, reversed next day
        await (await AtAsync(owner, At(3, 6))).PostAsync($"/compras/{LoyaltyScenario.PurchaseIdFrom(d)}/estornar", new Dictionary<string, string>());

        // 11/04: A is past 3 months but was spent by the recognition: nothing expires.
        Assert.Equal(0, await RunJobAsync(At(4, 11)));
        var page = await (await AtAsync(owner, At(4, 11))).GetAsync($"/clientes/{customer.Id}");
        Assert.Equal("Próximo vencimento: 10 pontos em 10/05/2026.", Page.Normalize(page.Doc.QuerySelector("[data-testid=next-expiry]")!.TextContent).Trim());

        // 11/05: the 10 left of B expire; twice the same day changes nothing more.
        Assert.Equal(1, await RunJobAsync(At(5, 11)));
        Assert.Equal(0, await RunJobAsync(At(5, 11).AddHours(2)));
        Assert.Equal(30m, (await owner.CustomerAsync(Phone)).Balance);

        // 20/05: C expires on 01/06, within 30 days: "Pontos vencendo" in Ações.
        var agenda = await (await AtAsync(owner, At(5, 20))).GetAsync("/acoes?lista=vencendo");
        Assert.True(agenda.Shows("30 pontos vencem em 01/06/2026."), agenda.Text);

        // 02/06: C expires; D was reversed and never counts.
        Assert.Equal(1, await RunJobAsync(At(6, 2)));
        Assert.Equal(0m, (await owner.CustomerAsync(Phone)).Balance);
        var expired = await app.InBusinessAsync(owner.BusinessId, db => db.Ledger.Where(l => l.Kind == LedgerKind.Expiry).OrderBy(l => l.Id).Select(l => l.Points).ToListAsync());
        Assert.Equal([-10m, -30m], expired);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task Two_runs_at_once_write_one_entry()
    {
        app.Clock.Now = At(1, 9);
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["PointsExpiryMonths"] = "1" });
        await (await AtAsync(owner, At(1, 10))).RegisterPurchaseAsync("11912345678", "40");

        await Task.WhenAll(RunJobAsync(At(3, 1)), app.InScopeAsync<ExpirePoints, int>(job => job.RunAsync()));

        Assert.Equal(0m, (await owner.CustomerAsync(Phone)).Balance);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Ledger.CountAsync(l => l.Kind == LedgerKind.Expiry)));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task Without_expiry_nothing_expires_and_Acoes_has_no_such_list()
    {
        app.Clock.Now = At(1, 9);
        var owner = await app.SignUpAsync();
        await (await AtAsync(owner, At(1, 10))).RegisterPurchaseAsync("11912345678", "40");

        await RunJobAsync(At(12, 1));
        var agenda = await (await AtAsync(owner, At(12, 1))).GetAsync("/acoes");

        Assert.Equal(40m, (await owner.CustomerAsync(Phone)).Balance);
        Assert.False(agenda.Shows("Pontos vencendo"));
    }
    [Theory]
    [InlineData("switched on")]
    [InlineData("shortened")]
    public async Task Switching_expiry_on_or_shortening_it_never_takes_points_earlier_than_promised(string change)
    {
        app.Clock.Now = At(1, 9);
        var owner = await app.SignUpAsync();
        if (change == "shortened") await owner.SetProgramAsync(new Dictionary<string, string> { ["PointsExpiryMonths"] = "12" });
        await (await AtAsync(owner, At(1, 10))).RegisterPurchaseAsync("11912345678", "40");      // earned 10/01
        var customer = await owner.CustomerAsync(Phone);

        // 01/07: the owner sets 3 months. Counted from the purchase, the 40 points would expire at once.
        var july = await AtAsync(owner, At(7, 1));
        var form = await july.GetAsync("/programa");
        Assert.Contains("nenhum ponto vence antes do que foi prometido", form.Doc.QuerySelector("[data-testid=expiry-promise]")!.TextContent, StringComparison.Ordinal);
        Assert.True((await july.SubmitAsync("/programa", new Dictionary<string, string> { ["PointsExpiryMonths"] = "3" })).Shows("Programa salvo."));

        // They count 3 months from 01/07 instead: nothing expires the next day, the customer page and Ações say 01/10.
        Assert.Equal(0, await RunJobAsync(At(7, 2)));
        var page = await (await AtAsync(owner, At(9, 5))).GetAsync($"/clientes/{customer.Id}");
        Assert.Equal("Próximo vencimento: 40 pontos em 01/10/2026.", Page.Normalize(page.Doc.QuerySelector("[data-testid=next-expiry]")!.TextContent).Trim());
        Assert.True((await (await AtAsync(owner, At(9, 5))).GetAsync("/acoes?lista=vencendo")).Shows("40 pontos vencem em 01/10/2026."));
        Assert.Equal(0, await RunJobAsync(At(9, 30)));
        Assert.Equal(40m, (await owner.CustomerAsync(Phone)).Balance);
        // On the promised day they go.
        Assert.Equal(1, await RunJobAsync(At(10, 2)));
        Assert.Equal(0m, (await owner.CustomerAsync(Phone)).Balance);
    }
}
