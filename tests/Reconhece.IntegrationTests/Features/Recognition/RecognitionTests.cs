using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Recognition;

public sealed class RecognitionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Goal100 => new() { ["Goal"] = "100", ["RecognitionText"] = "brinde de R$ 25 em sorvete" };

    [Fact]
    public async Task Reaching_the_goal_shows_the_gift_banner_and_lists_the_customer_with_a_WhatsApp_invitation()
    {
        var owner = await app.SignUpAsync("Sorveteria Polo");
        await owner.SetProgramAsync(Goal100);
        await owner.Client.RegisterPurchaseAsync("11912345678", "60", name: "Paula Souza");

        var page = await owner.Client.RegisterPurchaseAsync("11912345678", "50");

        Assert.True(page.Shows("Ganhou o brinde!"), page.Text);
        Assert.True(page.Shows("Prêmio: brinde de R$ 25 em sorvete."));
        Assert.False(page.Shows("ELEGÍVEL"));
        var list = await owner.Client.GetAsync("/reconhecimento");
        Assert.True(list.Shows("Paula Souza"));
        Assert.True(list.Shows("(11) 91234-5678"));
        var link = list.Doc.QuerySelector("a[href^='https://wa.me/']")!.GetAttribute("href")!;
        Assert.StartsWith("https://wa.me/5511912345678?text=", link, StringComparison.Ordinal);
        var message = Uri.UnescapeDataString(link.Split("text=")[1]);
        Assert.Contains("Olá, Paula!", message, StringComparison.Ordinal);
        Assert.Contains("Sorveteria Polo", message, StringComparison.Ordinal);
        Assert.Contains("brinde de R$ 25 em sorvete", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognising_debits_the_goal_keeps_the_excess_and_records_who_and_what()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(Goal100);
        await owner.Client.RegisterPurchaseAsync("11912345678", "130", name: "Paula Souza");
        var customer = await owner.CustomerAsync("+5511912345678");

        var page = await owner.Client.SubmitAsync($"/reconhecimento/{customer.Id}", new Dictionary<string, string> { ["What"] = "Casquinha dupla" });

        Assert.True(page.Shows("Brinde entregue! 100 pontos saíram do saldo"), page.Text);
        Assert.True(page.Shows("Casquinha dupla"));
        Assert.False(page.Shows("Ganhou o brinde!"));
        var after = await owner.CustomerAsync("+5511912345678");
        Assert.Equal(30m, after.Balance);
        Assert.Null(after.EligibleSince);
        var recognition = await app.InBusinessAsync(owner.BusinessId, db => db.Recognitions.SingleAsync());
        Assert.Equal(("Casquinha dupla", 100m), (recognition.What, recognition.PointsDebited));
        Assert.True((await owner.Client.GetAsync("/reconhecimento/historico")).Shows("Casquinha dupla"));
        Assert.False((await owner.Client.GetAsync("/reconhecimento")).Shows("Paula Souza"));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task A_double_tapped_recognition_debits_once()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(Goal100);
        await owner.Client.RegisterPurchaseAsync("11912345678", "350");
        var customer = await owner.CustomerAsync("+5511912345678");
        var fields = new Dictionary<string, string> { ["What"] = "Brinde", ["IdempotencyKey"] = Guid.NewGuid().ToString() };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => owner.Client.PostAsync($"/reconhecimento/{customer.Id}", fields)));

        Assert.Equal(250m, (await owner.CustomerAsync("+5511912345678")).Balance);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Recognitions.CountAsync()));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task A_customer_below_the_goal_cannot_be_recognised()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "50");
        var customer = await owner.CustomerAsync("+5511912345678");

        var page = await owner.Client.PostAsync($"/reconhecimento/{customer.Id}", new Dictionary<string, string>
        {
            ["What"] = "Brinde", ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });

        Assert.True(page.Shows("O saldo está abaixo da meta: o brinde não foi registrado."), page.Text);
        Assert.Equal(50m, (await owner.CustomerAsync("+5511912345678")).Balance);
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Recognitions.CountAsync()));
    }

    [Fact]
    public async Task The_eligible_list_puts_the_longest_waiting_customer_first()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(Goal100);
        await owner.Client.RegisterPurchaseAsync("11900000001", "150", name: "Primeira Cliente");
        await owner.Client.RegisterPurchaseAsync("11900000002", "500", name: "Segunda Cliente");

        var list = await owner.Client.GetAsync("/reconhecimento");

        Assert.True(list.Text.IndexOf("Primeira Cliente", StringComparison.Ordinal) < list.Text.IndexOf("Segunda Cliente", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_cannot_recognise_nor_see_the_recognition_pages()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(Goal100);
        await owner.Client.RegisterPurchaseAsync("11912345678", "150");
        var customer = await owner.CustomerAsync("+5511912345678");
        var staff = await owner.AddStaffAsync();
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/reconhecimento")).Status);
        var post = await client.PostAsync($"/reconhecimento/{customer.Id}", new Dictionary<string, string> { ["What"] = "x", ["IdempotencyKey"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(150m, (await owner.CustomerAsync("+5511912345678")).Balance);
        // Staff still see that the customer is eligible, so they can tell the owner.
        Assert.True((await client.GetAsync($"/clientes/{customer.Id}")).Shows("Ganhou o brinde!"));
    }
}
