using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

public sealed class RegisterPurchaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_first_purchase_creates_the_customer_and_shows_points_balance_and_progress()
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.RegisterPurchaseAsync("(11) 91234-5678", "45,90", name: "Joana Cliente");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Shows("Compra registrada!"), page.Text);
        Assert.True(page.Shows("Cliente novo"), page.Text);
        Assert.True(page.Shows("+45"), page.Text);
        Assert.Equal("45", page.Doc.QuerySelector("[data-testid=balance]")!.TextContent);
        Assert.True(page.Shows("Faltam 455 pontos para a meta de 500."), page.Text);
        Assert.True(page.Shows("R$ 45,90"), page.Text);
        var customer = await owner.CustomerAsync("+5511912345678");
        Assert.Equal(("Joana Cliente", 45m, 45.90m, 1), (customer.Name, customer.Balance, customer.LifetimeSpend, customer.Visits));
        var purchase = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.SingleAsync());
        Assert.Equal(owner.BranchId, purchase.BranchId);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task The_same_phone_in_any_format_at_another_branch_is_the_same_returning_customer()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Shopping" });
        var shopping = await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Name == "Shopping").Select(b => b.Id).SingleAsync());
        var staff = await owner.AddStaffAsync("Ana do Shopping", shopping);
        var (staffClient, _) = await app.SignInAsync(staff.Email, staff.Password);

        await owner.Client.RegisterPurchaseAsync("11912345678", "100,00");
        var page = await staffClient.RegisterPurchaseAsync("+55 11 91234-5678", "50");

        Assert.True(page.Shows("Cliente de volta"), page.Text);
        Assert.Equal("150", page.Doc.QuerySelector("[data-testid=balance]")!.TextContent);
        Assert.True(page.Shows("Shopping"));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
        var byBranch = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.OrderBy(p => p.At).Select(p => p.BranchId).ToListAsync());
        Assert.Equal([owner.BranchId, shopping], byBranch);
    }

    [Fact]
    public async Task A_resubmitted_form_is_counted_once()
    {
        var owner = await app.SignUpAsync();
        var form = await owner.Client.GetAsync("/registrar");
        var key = form.Doc.QuerySelector("input[name=IdempotencyKey]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["IdempotencyKey"] = key, ["Phone"] = "11912345678", ["Amount"] = "30,00" };

        var first = await owner.Client.PostAsync("/registrar", fields);
        var second = await owner.Client.PostAsync("/registrar", fields);

        Assert.Equal(first.Url, second.Url);
        Assert.Equal("30", second.Doc.QuerySelector("[data-testid=balance]")!.TextContent);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
        Assert.Equal(30m, (await owner.CustomerAsync("+5511912345678")).Balance);
    }

    [Fact]
    public async Task A_double_tap_racing_itself_is_counted_once()
    {
        var owner = await app.SignUpAsync();
        var key = Guid.NewGuid().ToString();
        var fields = new Dictionary<string, string> { ["IdempotencyKey"] = key, ["Phone"] = "11912345678", ["Amount"] = "10" };

        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => owner.Client.PostAsync("/registrar", fields)));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Single(pages.Select(p => p.Url).Distinct());
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
        Assert.Equal(10m, (await owner.CustomerAsync("+5511912345678")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task Twenty_parallel_purchases_for_one_customer_sum_exactly()
    {
        var owner = await app.SignUpAsync();

        var pages = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => owner.Client.PostAsync("/registrar", new Dictionary<string, string>
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString(), ["Phone"] = "(21) 99876-5432", ["Amount"] = "12,50",
        })));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var customer = await owner.CustomerAsync("+5521998765432");
        Assert.Equal((240m, 20, 250.00m), (customer.Balance, customer.Visits, customer.LifetimeSpend));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync(p => p.WasNewCustomer)));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    public static TheoryData<string, string?, string, string> BadInputs => new()
    {
        { "", "10", "Phone", "Informe o celular do cliente." },
        { "1234", "10", "Phone", "Faltam dígitos: o celular tem o DDD e mais 9 números. Ex.: (11) 98765-4321." },
        { "(11) 3333-4444", "10", "Phone", "Este número não é de celular: depois do DDD vêm 9 números, começando com 9." },
        { "+1 212 555 0100", "10", "Phone", "Só celulares do Brasil (+55) participam." },
        // One digit too many is never cut to a number that exists: the purchase would go to someone else.
        { "(11) 98765-43210", "10", "Phone", "Há dígitos a mais: o celular tem o DDD e mais 9 números. Confira o número; nada foi cortado." },
        { "(11) 8765-4321", "10", "Phone", "Falta um dígito: o celular tem 9 números depois do DDD, começando com 9. Ex.: (11) 98765-4321." },
        { "(20) 98765-4321", "10", "Phone", "O DDD 20 não existe. Confira o número." },
        { "11 98765-432l", "10", "Phone", "Use só números no celular, ex.: (11) 98765-4321." },
        { "11912345678", "", "Amount", "Informe o valor da compra." },
        { "11912345678", "0", "Amount", "O valor precisa ser maior que zero." },
        { "11912345678", "-5", "Amount", "Valor inválido. Use só números e vírgula, ex.: 45,90." },
        { "11912345678", "abc", "Amount", "Valor inválido. Use só números e vírgula, ex.: 45,90." },
        { "11912345678", "45,999", "Amount", "Valor inválido. Use só números e vírgula, ex.: 45,90." },
        { "11912345678", "150000", "Amount", "Valor acima do limite de R$ 100.000,00. Confira o número digitado." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_stores_nothing(string phone, string? amount, string field, string message)
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.RegisterPurchaseAsync(phone, amount);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task A_quantity_under_a_value_rule_is_refused()
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.RegisterPurchaseAsync("11912345678", "10", quantity: "3");

        Assert.Equal("Este programa conta pontos pelo valor da compra, não por quantidade.", page.FieldError("Quantity"));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task Html_in_a_customer_name_is_refused()
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.RegisterPurchaseAsync("11912345678", "10", name: "<script>alert(1)</script>");

        Assert.Equal("Use apenas letras, números e pontuação comum no nome.", page.FieldError("Customer.Name"));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Staff_register_at_their_own_branch_even_when_they_post_another()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Outra" });
        var other = await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Name == "Outra").Select(b => b.Id).SingleAsync());
        var staff = await owner.AddStaffAsync();
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);

        await client.PostAsync("/registrar", new Dictionary<string, string>
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString(), ["Phone"] = "11912345678", ["Amount"] = "10", ["branchId"] = other.ToString(),
        });

        var purchase = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.SingleAsync());
        Assert.Equal((owner.BranchId, staff.UserId), (purchase.BranchId, purchase.UserId));
    }

    [Fact]
    public async Task Staff_of_a_deactivated_branch_are_told_why_and_nothing_is_stored()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Fechada" });
        var closed = await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Name == "Fechada").Select(b => b.Id).SingleAsync());
        var staff = await owner.AddStaffAsync(branchId: closed);
        await owner.Client.PostAsync($"/filiais/{closed}/desativar");
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);

        var page = await client.RegisterPurchaseAsync("11912345678", "10");

        Assert.Contains("Sua filial está desativada ou não foi definida.", page.FormError, StringComparison.Ordinal);
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task The_owner_registers_at_the_branch_they_pick()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Praia" });
        var praia = await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Name == "Praia").Select(b => b.Id).SingleAsync());

        var page = await owner.Client.RegisterPurchaseAsync("11912345678", "10", branchId: praia);

        Assert.True(page.Shows("Praia"), page.Text);
        Assert.Equal(praia, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.Select(p => p.BranchId).SingleAsync()));
    }

    [Fact]
    public async Task A_staff_member_moved_to_another_branch_registers_there_from_the_next_purchase()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Nova" });
        var nova = await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Name == "Nova").Select(b => b.Id).SingleAsync());
        var staff = await owner.AddStaffAsync();
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);
        await client.RegisterPurchaseAsync("11912345678", "10");

        await owner.Client.SubmitAsync($"/equipe/{staff.UserId}/editar", new Dictionary<string, string> { ["BranchId"] = nova.ToString() });
        await client.RegisterPurchaseAsync("11912345678", "10");

        var branches = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.OrderBy(p => p.At).Select(p => p.BranchId).ToListAsync());
        Assert.Equal([owner.BranchId, nova], branches);
    }

    [Fact]
    public async Task A_rule_changed_by_another_instance_applies_to_the_next_purchase()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "10");

        // Another app instance (or a person at another computer) changes the rule straight in the database.
        await app.InBusinessAsync(owner.BusinessId, db => db.Programs.ExecuteUpdateAsync(s => s.SetProperty(p => p.ValuePerPoint, 0.10m)));
        var page = await owner.Client.RegisterPurchaseAsync("11912345678", "10");

        Assert.True(page.Shows("+100"), page.Text);
    }
}
