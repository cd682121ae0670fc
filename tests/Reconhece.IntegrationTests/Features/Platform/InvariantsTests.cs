using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Features.Platform;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Platform;

/// <summary>The nightly check of the data promises: silent on a business that did everything, loud on a corrupted row.</summary>
public sealed class InvariantsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_corrupted_balance_is_reported_and_a_busy_clean_business_is_not()
    {
        // A clean business that did everything: purchases, a reversal, an adjustment, a recognition.
        var clean = await app.SignUpAsync("Loja Em Ordem");
        await clean.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "300" });
        await clean.Client.RegisterPurchaseAsync("11955554444", "600");
        var mistake = LoyaltyScenario.PurchaseIdFrom(await clean.Client.RegisterPurchaseAsync("11955554444", "50"));
        await clean.Client.PostAsync($"/compras/{mistake}/estornar", new Dictionary<string, string> { ["reason"] = "digitado errado" });
        var customer = (await clean.CustomerAsync("+5511955554444")).Id;
        await clean.Client.PostAsync($"/clientes/{customer}/ajuste", new Dictionary<string, string> { ["Points"] = "-20", ["Reason"] = "correção", ["IdempotencyKey"] = Guid.NewGuid().ToString() });
        await clean.Client.SubmitAsync($"/reconhecimento/{customer}", new Dictionary<string, string>());
        var broken = await app.SignUpAsync("Loja Corrompida");
        await broken.Client.RegisterPurchaseAsync("11933332222", "80");
        await app.AsAdminAsync(db => db.Customers.Where(c => c.BusinessId == broken.BusinessId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Balance, c => c.Balance + 1)));

        int found;
        using (var scope = app.Services.CreateScope()) found = await scope.ServiceProvider.GetRequiredService<CheckInvariants>().RunAsync();
        var admin = await app.SignUpAsync("Equipe da Plataforma");
        Assert.Equal(0, await Reconhece.Web.Identity.GrantPlatformAdmin.RunAsync(app.Services, admin.Email));
        var page = await (await app.SignInAsync(admin.Email, admin.Password)).Client.GetAsync("/plataforma");

        Assert.Equal(1, found);
        Assert.True(page.Shows("Loja Corrompida · saldo"), page.Text);
        Assert.True(page.Shows("saldo 81.00, soma do extrato 80.00"), page.Text);
        Assert.False(page.Shows("Loja Em Ordem"), page.Text);
    }
}
