using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Recognition;

/// <summary>"Entregar agora" at the counter (issue 22): staff hand over the gift, once, under their own name.</summary>
public sealed class GiftHandOverTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string HandOver = "/entregar-brinde";

    private static async Task<(OwnerSession Owner, StaffLogin Staff, AppClient Counter, Guid CustomerId, Page Result)> EligibleAtTheCounterAsync(AppFactory app)
    {
        var owner = await app.SignUpAsync("Sorveteria Polo");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["RecognitionText"] = "uma casquinha" });
        var staff = await owner.AddStaffAsync("Téo Atendente");
        var (counter, _) = await app.SignInAsync(staff.Email, staff.Password);
        var result = await counter.RegisterPurchaseAsync("11912345678", "130", name: "Paula Souza");
        var customer = await owner.CustomerAsync("+5511912345678");
        return (owner, staff, counter, customer.Id, result);
    }

    [Fact]
    public async Task Staff_hand_the_gift_over_from_the_purchase_result_and_the_record_names_them()
    {
        var (owner, staff, counter, customerId, result) = await EligibleAtTheCounterAsync(app);
        Assert.True(result.Shows("Ganhou o brinde!"), result.Text);
        Assert.True(result.Shows("Entregar agora: uma casquinha (−100 pontos)"), result.Text);

        var after = await counter.SubmitAsync(result.Url.PathAndQuery, new Dictionary<string, string>(), $"/clientes/{customerId}{HandOver}");

        // Back on the same purchase, told what happened, the banner gone and the balance down by the goal.
        Assert.Equal(result.Url.AbsolutePath, after.Url.AbsolutePath);
        Assert.True(after.Shows("Brinde entregue! 100 pontos saíram do saldo"), after.Text);
        Assert.False(after.Shows("Ganhou o brinde!"));
        Assert.Equal("30", after.Doc.QuerySelector("[data-testid=balance]")!.TextContent.Trim());
        var recognition = await app.InBusinessAsync(owner.BusinessId, db => db.Recognitions.SingleAsync());
        Assert.Equal((staff.UserId, "uma casquinha", 100m), (recognition.UserId, recognition.What, recognition.PointsDebited));
        Assert.True((await owner.Client.GetAsync("/reconhecimento/historico")).Shows("Téo Atendente"));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task A_double_tapped_hand_over_debits_once()
    {
        var (owner, _, counter, customerId, result) = await EligibleAtTheCounterAsync(app);
        // Enough for two gifts: only the key stops the second tap.
        await counter.RegisterPurchaseAsync("11912345678", "100");
        var form = result.Doc.QuerySelector($"form[action='/clientes/{customerId}{HandOver}']")!;
        var fields = new Dictionary<string, string>
        {
            ["IdempotencyKey"] = form.QuerySelector("[name=IdempotencyKey]")!.GetAttribute("value")!,
            ["Purchase"] = form.QuerySelector("[name=Purchase]")!.GetAttribute("value")!,
        };

        var taps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => counter.PostAsync($"/clientes/{customerId}{HandOver}", fields)));
        var again = await counter.PostAsync($"/clientes/{customerId}{HandOver}", fields);

        Assert.True(again.Shows("Esta entrega já tinha sido registrada."), again.Text);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Recognitions.CountAsync()));
        Assert.Equal(130m, (await owner.CustomerAsync("+5511912345678")).Balance);
        Assert.All(taps, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task With_the_setting_off_staff_are_told_to_call_the_owner_and_cannot_record_it()
    {
        var (owner, _, counter, customerId, _) = await EligibleAtTheCounterAsync(app);
        var program = await owner.SetProgramAsync(new Dictionary<string, string> { ["StaffCanHandOver"] = "false" });
        Assert.True(program.Shows("Atendentes entregam o brinde"), "the change is in the programme's change log");

        var page = await counter.GetAsync($"/clientes/{customerId}");
        Assert.True(page.Shows("Ganhou o brinde!"), page.Text);
        Assert.True(page.Shows("Neste negócio só o responsável registra a entrega do brinde. Chame o responsável"), page.Text);
        Assert.Null(page.Doc.QuerySelector($"form[action='/clientes/{customerId}{HandOver}']"));

        var forged = await counter.PostAsync($"/clientes/{customerId}{HandOver}", new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString() });
        Assert.True(forged.Shows("só o responsável registra a entrega"), forged.Text);
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Recognitions.CountAsync()));

        // The owner still can, from the same banner.
        var ownerPage = await owner.Client.SubmitAsync($"/clientes/{customerId}", new Dictionary<string, string>(), $"/clientes/{customerId}{HandOver}");
        Assert.True(ownerPage.Shows("Brinde entregue!"), ownerPage.Text);
        Assert.Equal(30m, (await owner.CustomerAsync("+5511912345678")).Balance);
    }

    [Fact]
    public async Task Below_the_goal_nothing_is_offered_nor_recorded()
    {
        var (owner, _, counter, customerId, _) = await EligibleAtTheCounterAsync(app);
        await counter.PostAsync($"/clientes/{customerId}{HandOver}", new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString() });

        var page = await counter.GetAsync($"/clientes/{customerId}");
        Assert.False(page.Shows("Entregar agora"));
        var second = await counter.PostAsync($"/clientes/{customerId}{HandOver}", new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString() });
        Assert.True(second.Shows("O saldo está abaixo da meta: o brinde não foi registrado."), second.Text);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Recognitions.CountAsync()));
    }

    [Fact]
    public async Task Another_business_customer_answers_404()
    {
        var (owner, _, _, customerId, _) = await EligibleAtTheCounterAsync(app);
        var other = await app.SignUpAsync("Outra Loja");

        var page = await other.Client.PostAsync($"/clientes/{customerId}{HandOver}", new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(130m, (await owner.CustomerAsync("+5511912345678")).Balance);
    }
}
