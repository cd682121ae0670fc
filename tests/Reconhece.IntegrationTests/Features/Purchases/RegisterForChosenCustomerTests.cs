using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

/// <summary>"Registrar compra" from a customer found by name: no phone retyped, none in the URL (issue 22).</summary>
public sealed class RegisterForChosenCustomerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Staff_find_a_customer_by_name_and_register_for_them_with_the_amount_only()
    {
        var owner = await app.SignUpAsync("Adega Escolha");
        await owner.Client.RegisterPurchaseAsync("11912345678", "40", name: "Paula Souza");
        var staff = await owner.AddStaffAsync();
        var (counter, _) = await app.SignInAsync(staff.Email, staff.Password);

        var found = await counter.GetAsync("/clientes?q=paula");
        var customerPage = await counter.GetAsync(found.Doc.QuerySelector("a[href^='/clientes/']:not([href='/clientes'])")!.GetAttribute("href")!);
        var register = customerPage.Doc.QuerySelector("a.button[href^='/registrar']")!.GetAttribute("href")!;
        Assert.DoesNotContain("912345678", register, StringComparison.Ordinal);
        Assert.Equal("Registrar compra", customerPage.Doc.QuerySelector("a.button[href^='/registrar']")!.TextContent);

        var form = await counter.GetAsync(register);
        Assert.True(form.Shows("Paula Souza"), form.Text);
        Assert.Null(form.Doc.QuerySelector("input[name=Phone]"));
        var result = await counter.SubmitAsync(register, new Dictionary<string, string> { ["Amount"] = "25,00" });

        Assert.True(result.Shows("Paula Souza"), result.Text);
        Assert.True(result.Shows("Cliente de volta"));
        Assert.Equal(65m, (await owner.CustomerAsync("+5511912345678")).Balance);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task A_double_tap_registers_once_and_bad_amounts_keep_the_customer_chosen()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "40", name: "Paula Souza");
        var id = (await owner.CustomerAsync("+5511912345678")).Id;

        var bad = await owner.Client.SubmitAsync($"/registrar?cliente={id}", new Dictionary<string, string> { ["Amount"] = "abc" });
        Assert.True(bad.Shows("Paula Souza"), bad.Text);
        Assert.NotNull(bad.Doc.QuerySelector("[data-testid=chosen]"));
        Assert.NotNull(bad.FieldError("Amount"));

        var key = Guid.NewGuid().ToString();
        var fields = new Dictionary<string, string> { ["CustomerId"] = id.ToString(), ["Amount"] = "10,00", ["IdempotencyKey"] = key };
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => owner.Client.PostAsync("/registrar", fields)));
        Assert.Equal(50m, (await owner.CustomerAsync("+5511912345678")).Balance);
    }

    [Fact]
    public async Task Another_business_customer_answers_404_and_a_forged_post_registers_nothing()
    {
        var owner = await app.SignUpAsync("Loja A");
        await owner.Client.RegisterPurchaseAsync("11912345678", "40", name: "Cliente de A");
        var id = (await owner.CustomerAsync("+5511912345678")).Id;
        var other = await app.SignUpAsync("Loja B");

        var page = await other.Client.GetAsync($"/registrar?cliente={id}");
        var post = await other.Client.SubmitAsync("/registrar", new Dictionary<string, string> { ["CustomerId"] = id.ToString(), ["Amount"] = "10,00" });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(post.Shows("Este cliente não foi encontrado. Digite o celular para registrar."), post.Text);
        Assert.DoesNotContain("Cliente de A", post.Text, StringComparison.Ordinal);
        Assert.Equal(0, await app.InBusinessAsync(other.BusinessId, db => db.Purchases.CountAsync()));
        Assert.Equal(40m, (await owner.CustomerAsync("+5511912345678")).Balance);
    }
}
