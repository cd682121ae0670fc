using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

/// <summary>
/// A form key answers for one request only: the same content again shows what it did, other content is
/// refused with a pt-BR message and stores nothing (the semantics of the IETF Idempotency-Key draft).
/// </summary>
public sealed class IdempotencyPayloadTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Back_then_resubmit_shows_the_first_purchase_and_a_changed_amount_is_refused_with_a_link()
    {
        var owner = await app.SignUpAsync();
        var key = Guid.NewGuid().ToString();
        var first = await Register(owner, key, "45,90");

        var back = await Register(owner, key, "45,90");
        var changed = await Register(owner, key, "99,00");

        Assert.Equal(first.Url.AbsolutePath, back.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.Status);
        Assert.Contains("Este formulário já registrou outra compra: (11) 95555-4444, R$ 45,90. Nada foi registrado agora.", changed.FormError, StringComparison.Ordinal);
        Assert.Equal(first.Url.AbsolutePath, changed.Doc.QuerySelector("a[href^='/compras/']")!.GetAttribute("href"));
        Assert.NotEqual(key, changed.Doc.QuerySelector("input[name=IdempotencyKey]")!.GetAttribute("value"));
        var stored = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.Select(p => p.Amount).ToListAsync());
        Assert.Equal([45.90m], stored);
        Assert.Equal(45m, (await owner.CustomerAsync("+5511955554444")).Balance); // 1 point per R$ 1,00, rounded down
    }

    [Fact]
    public async Task An_adjustment_needs_its_key_and_a_reused_key_with_other_points_changes_nothing()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11955554444", "100");
        var customer = (await owner.CustomerAsync("+5511955554444")).Id;
        var key = Guid.NewGuid().ToString();

        var noKey = await owner.Client.PostAsync($"/clientes/{customer}/ajuste", new Dictionary<string, string> { ["Points"] = "10", ["Reason"] = "bônus" });
        var applied = await owner.Client.PostAsync($"/clientes/{customer}/ajuste", new Dictionary<string, string> { ["Points"] = "10", ["Reason"] = "bônus", ["IdempotencyKey"] = key });
        var again = await owner.Client.PostAsync($"/clientes/{customer}/ajuste", new Dictionary<string, string> { ["Points"] = "10", ["Reason"] = "bônus", ["IdempotencyKey"] = key });
        var other = await owner.Client.PostAsync($"/clientes/{customer}/ajuste", new Dictionary<string, string> { ["Points"] = "500", ["Reason"] = "outro", ["IdempotencyKey"] = key });

        Assert.True(noKey.Shows("O formulário expirou. Recarregue a página e tente de novo."), noKey.Text);
        Assert.False(applied.Shows("O formulário expirou"), applied.Text);
        Assert.False(again.Shows("já registrou outro ajuste"), again.Text);
        Assert.True(other.Shows("Este formulário já registrou outro ajuste (+10 pontos: bônus). Nada foi alterado agora."), other.Text);
        Assert.Equal(110m, (await owner.CustomerAsync("+5511955554444")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    private static Task<Page> Register(OwnerSession owner, string key, string amount) =>
        owner.Client.SubmitAsync("/registrar", new Dictionary<string, string> { ["Phone"] = "11955554444", ["Amount"] = amount, ["IdempotencyKey"] = key });
}
