using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Customers;

/// <summary>The phone as identity: corrected (audited), joined when one person has two records, near-typos caught at the counter.</summary>
public sealed class CustomerIdentityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_owner_corrects_a_phone_and_the_audit_keeps_the_old_and_new_numbers()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987650001", "40", name: "Maria");
        var maria = await owner.CustomerAsync("+5511987650001");

        var page = await owner.Client.SubmitAsync($"/clientes/{maria.Id}/celular", new Dictionary<string, string> { ["phone"] = "011 98765 0009" });

        Assert.True(page.Shows("Celular alterado para (11) 98765-0009."), page.Text);
        Assert.Equal("+5511987650009", (await app.InBusinessAsync(owner.BusinessId, db => db.Customers.SingleAsync(c => c.Id == maria.Id))).Phone);
        var audit = await app.InBusinessAsync(owner.BusinessId, db => db.Audit.SingleAsync(a => a.SubjectId == maria.Id && a.Field == "Celular"));
        Assert.Equal(("(11) 98765-0001", "(11) 98765-0009"), (audit.OldValue, audit.NewValue));
        // The next purchase with the new number finds her.
        await owner.Client.RegisterPurchaseAsync("11987650009", "10");
        Assert.Equal(50m, (await owner.CustomerAsync("+5511987650009")).Balance);
    }

    [Theory]
    [InlineData("(11) 98765-00012", "Há dígitos a mais")]
    [InlineData("(11) 98765-0001", "Este já é o celular do cliente.")]
    [InlineData("", "Informe o celular")]
    public async Task A_bad_new_phone_is_refused_in_ptBR_and_changes_nothing(string typed, string message)
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987650001", "40");
        var c = await owner.CustomerAsync("+5511987650001");

        var page = await owner.Client.SubmitAsync($"/clientes/{c.Id}/celular", new Dictionary<string, string> { ["phone"] = typed });

        Assert.StartsWith(message, page.FormError, StringComparison.Ordinal);
        Assert.Equal("+5511987650001", (await owner.CustomerAsync("+5511987650001")).Phone);
        Assert.False(await app.InBusinessAsync(owner.BusinessId, db => db.Audit.AnyAsync(a => a.Field == "Celular")));
    }

    [Fact]
    public async Task A_phone_of_another_customer_is_refused_and_a_merge_is_offered()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987650001", "40", name: "Maria");
        await owner.Client.RegisterPurchaseAsync("11911112222", "30", name: "Maria Silva");
        var wrong = await owner.CustomerAsync("+5511987650001");
        var right = await owner.CustomerAsync("+5511911112222");

        var page = await owner.Client.SubmitAsync($"/clientes/{wrong.Id}/celular", new Dictionary<string, string> { ["phone"] = "11911112222" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.True(page.Shows("O celular (11) 91111-2222 já é de outro cliente: Maria Silva."), page.Text);
        var offer = page.Doc.QuerySelector("a.button")!.GetAttribute("href");
        Assert.Equal($"/clientes/{right.Id}/unir?com={wrong.Id}", offer);
        Assert.Equal("+5511987650001", (await owner.CustomerAsync("+5511987650001")).Phone);
    }

    [Fact]
    public async Task Merging_moves_everything_recomputes_the_totals_and_the_merged_phone_finds_the_kept_customer()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        await owner.Client.RegisterPurchaseAsync("11987650001", "40", name: "Maria");
        await owner.Client.RegisterPurchaseAsync("11987650001", "25");
        await owner.Client.RegisterPurchaseAsync("11911112222", "50", name: "Maria Silva");
        var merged = await owner.CustomerAsync("+5511987650001");
        var kept = await owner.CustomerAsync("+5511911112222");

        var confirm = await owner.Client.GetAsync($"/clientes/{kept.Id}/unir?com={merged.Id}");
        Assert.True(confirm.Shows("Depois de unir: 115 pontos e 3 compras no cadastro de (11) 91111-2222."), confirm.Text);
        var page = await owner.Client.SubmitAsync($"/clientes/{kept.Id}/unir?com={merged.Id}", new Dictionary<string, string>(), action: $"/clientes/{kept.Id}/unir");

        Assert.True(page.Shows("Cadastros unidos."), page.Text);
        var after = await owner.CustomerAsync("+5511911112222");
        Assert.Equal((115m, 3, 115m, 115m), (after.Balance, after.Visits, after.LifetimeSpend, after.LifetimePoints));
        Assert.Equal(merged.FirstPurchaseAt, after.FirstPurchaseAt);
        Assert.NotNull(after.EligibleSince);
        Assert.Equal("Maria Silva", after.Name);
        Assert.False(await app.InBusinessAsync(owner.BusinessId, db => db.Customers.AnyAsync(c => c.Id == merged.Id)));
        Assert.Equal(3, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync(p => p.CustomerId == kept.Id)));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync(p => p.WasNewCustomer)));
        var audit = await app.InBusinessAsync(owner.BusinessId, db => db.Audit.SingleAsync(a => a.Field == "Cadastro unido"));
        Assert.Equal(("(11) 98765-0001 – Maria", "(11) 91111-2222 – Maria Silva"), (audit.OldValue, audit.NewValue));
        await owner.AssertBalancesMatchLedgerAsync();

        // The old phone now finds the kept customer: at the counter, in the search, and in the live lookup.
        // A double tap with the merged phone is one purchase, not "another purchase with this form".
        var fields = new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString(), ["Phone"] = "(11) 98765-0001", ["Amount"] = "5" };
        var result = await owner.Client.PostAsync("/registrar", fields);
        var again = await owner.Client.PostAsync("/registrar", fields);
        Assert.True(result.Shows("Cliente de volta"), result.Text);
        Assert.Equal(result.Url.AbsolutePath, again.Url.AbsolutePath);
        Assert.Equal(120m, (await owner.CustomerAsync("+5511911112222")).Balance);
        Assert.True((await owner.Client.GetAsync("/clientes?q=11987650001")).Shows("Maria Silva"));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task A_double_tapped_merge_is_done_once()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987650001", "40");
        await owner.Client.RegisterPurchaseAsync("11911112222", "50");
        var merged = await owner.CustomerAsync("+5511987650001");
        var kept = await owner.CustomerAsync("+5511911112222");
        var fields = new Dictionary<string, string> { ["mergedId"] = merged.Id.ToString(), ["key"] = Guid.NewGuid().ToString() };

        var taps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => owner.Client.PostAsync($"/clientes/{kept.Id}/unir", fields)));

        Assert.All(taps, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        // Which tap reads which flash depends on the test client's shared cookie jar; the ledger says what happened.
        Assert.Contains(taps, t => t.Shows("Cadastros unidos."));
        Assert.True((await owner.Client.PostAsync($"/clientes/{kept.Id}/unir", fields)).Shows("Estes cadastros já tinham sido unidos."));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Ledger.CountAsync(l => l.Kind == LedgerKind.Merge)));
        Assert.Equal(90m, (await owner.CustomerAsync("+5511911112222")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task A_merge_under_concurrent_purchases_loses_no_point_and_balance_equals_the_ledger()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987650001", "10");
        await owner.Client.RegisterPurchaseAsync("11911112222", "10");
        var merged = await owner.CustomerAsync("+5511987650001");
        var kept = await owner.CustomerAsync("+5511911112222");
        var counters = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignInAsync(owner.Email, owner.Password)));

        var purchases = counters.SelectMany((c, i) => Enumerable.Range(0, 5).Select(_ => c.Client.RegisterPurchaseAsync(i % 2 == 0 ? "11987650001" : "11911112222", "1")));
        var merge = owner.Client.PostAsync($"/clientes/{kept.Id}/unir", new Dictionary<string, string> { ["mergedId"] = merged.Id.ToString(), ["key"] = Guid.NewGuid().ToString() });
        await Task.WhenAll(purchases.Append(merge));

        await owner.AssertBalancesMatchLedgerAsync();
        var total = await app.InBusinessAsync(owner.BusinessId, db => db.Customers.SumAsync(c => c.Balance));
        Assert.Equal(40m, total);   // 20 + 20 purchases of 1 point: none lost, wherever the merged phone's landed
        Assert.Equal(22, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
    }

    [Theory]
    [InlineData("11987654312", "Maria")]     // two neighbours swapped
    [InlineData("11987654329", "maria")]     // one digit changed, name in another case
    [InlineData("11987654321", "")]          // control: the same number is the same customer, no question
    public async Task A_phone_one_typo_away_asks_if_it_is_the_same_person_and_stores_nothing(string typed, string name)
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987654321", "10", name: "Maria");

        var page = await owner.Client.RegisterPurchaseAsync(typed, "20", name: name == "" ? null : name);

        if (typed == "11987654321")
        {
            Assert.True(page.Shows("Cliente de volta"), page.Text);
            return;
        }
        Assert.True(page.Shows("É a mesma pessoa que (11) 98765-4321 – Maria?"), page.Text);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));

        // "Sim": the same form, answered, goes to Maria.
        var key = page.Doc.QuerySelector("input[name=IdempotencyKey]")!.GetAttribute("value")!;
        var yes = await owner.Client.PostAsync("/registrar", new Dictionary<string, string>
        {
            ["IdempotencyKey"] = key, ["Phone"] = typed, ["Amount"] = "20", ["SamePhone"] = "+5511987654321",
        });
        Assert.True(yes.Shows("Cliente de volta"), yes.Text);
        Assert.Equal(30m, (await owner.CustomerAsync("+5511987654321")).Balance);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Staff_can_say_it_is_another_person_and_a_different_name_is_not_asked_about()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987654321", "10", name: "Maria");

        var other = await owner.Client.RegisterPurchaseAsync("11987654322", "20", name: "João");
        Assert.True(other.Shows("Cliente novo"), other.Text);

        var asked = await owner.Client.RegisterPurchaseAsync("11987654323", "20");
        Assert.True(asked.Shows("É a mesma pessoa que (11) 98765-4321 – Maria?"), asked.Text);
        var key = asked.Doc.QuerySelector("input[name=IdempotencyKey]")!.GetAttribute("value")!;
        var no = await owner.Client.PostAsync("/registrar", new Dictionary<string, string>
        {
            ["IdempotencyKey"] = key, ["Phone"] = "11987654323", ["Amount"] = "20", ["NotSame"] = "true",
        });
        Assert.True(no.Shows("Cliente novo"), no.Text);
        Assert.Equal(3, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task A_number_typed_without_the_ninth_digit_is_refused_and_offers_the_customer_with_it()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987654321", "10", name: "Maria");

        var page = await owner.Client.RegisterPurchaseAsync("(11) 8765-4321", "20");

        Assert.StartsWith("Falta um dígito", page.FieldError("Phone"), StringComparison.Ordinal);
        Assert.True(page.Shows("É a mesma pessoa que (11) 98765-4321 – Maria?"), page.Text);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
    }
}
