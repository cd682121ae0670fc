using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

/// <summary>Staff undo their own purchase within 10 minutes, with a reason; after that it is the owner's (issue 22).</summary>
public sealed class CounterUndoTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private async Task<(OwnerSession Owner, StaffLogin Staff, AppClient Counter, Guid Purchase)> StaffPurchaseAsync(string? name = null)
    {
        app.Clock.Now = Noon;
        var owner = await app.SignUpAsync("Sorveteria Desfaz");
        var staff = await owner.AddStaffAsync("Téo Atendente");
        var (counter, _) = await app.SignInAsync(staff.Email, staff.Password);
        var purchase = LoyaltyScenario.PurchaseIdFrom(await counter.RegisterPurchaseAsync("11912345678", "40", name: name));
        return (owner, staff, counter, purchase);
    }

    [Fact]
    public async Task Staff_undo_their_own_purchase_within_ten_minutes_with_a_reason_and_it_is_recorded()
    {
        var (owner, staff, counter, purchase) = await StaffPurchaseAsync();
        app.Clock.Now = Noon.AddMinutes(9);
        var page = await counter.GetAsync($"/compras/{purchase}");
        Assert.True(page.Shows("Registrou errado? Desfazer esta compra (até 12:10)"), page.Text);

        var noReason = await counter.PostAsync($"/compras/{purchase}/estornar", new Dictionary<string, string> { ["Reason"] = " " });
        Assert.True(noReason.Shows("Diga o motivo, ex.: valor digitado errado. A compra não foi estornada."), noReason.Text);
        Assert.Equal(40m, (await owner.CustomerAsync("+5511912345678")).Balance);

        var undone = await counter.SubmitAsync($"/compras/{purchase}", new Dictionary<string, string> { ["Reason"] = "valor errado" }, $"/compras/{purchase}/estornar");

        Assert.True(undone.Shows("Compra estornada. Os pontos foram retirados do saldo."), undone.Text);
        Assert.True(undone.Shows("Esta compra foi estornada."));
        Assert.Equal(0m, (await owner.CustomerAsync("+5511912345678")).Balance);
        var stored = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.SingleAsync());
        Assert.Equal((staff.UserId, "valor errado"), (stored.ReversedByUserId, stored.ReversalReason));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task After_ten_minutes_staff_are_sent_to_the_owner_and_nothing_changes()
    {
        var (owner, _, counter, purchase) = await StaffPurchaseAsync();
        app.Clock.Now = Noon.AddMinutes(10).AddSeconds(1);

        var page = await counter.GetAsync($"/compras/{purchase}");
        var late = await counter.PostAsync($"/compras/{purchase}/estornar", new Dictionary<string, string> { ["Reason"] = "valor errado" });

        Assert.False(page.Shows("Desfazer"), page.Text);
        Assert.True(page.Shows("Para estornar esta compra, peça ao responsável."));
        Assert.True(late.Shows("Peça ao responsável para estornar."), late.Text);
        Assert.Equal(40m, (await owner.CustomerAsync("+5511912345678")).Balance);
        // The owner still can, any time, without a reason.
        var byOwner = await owner.Client.PostAsync($"/compras/{purchase}/estornar");
        Assert.True(byOwner.Shows("Compra estornada."), byOwner.Text);
    }

    [Fact]
    public async Task A_new_customer_without_a_name_gets_one_from_the_result_screen_once()
    {
        var (owner, _, counter, purchase) = await StaffPurchaseAsync();
        var result = await counter.GetAsync($"/compras/{purchase}");
        Assert.NotNull(result.Doc.QuerySelector("[data-testid=name-form]"));

        var named = await counter.SubmitAsync($"/compras/{purchase}", new Dictionary<string, string> { ["Name"] = "  Paula   Souza " }, $"/compras/{purchase}/nome");

        Assert.True(named.Shows("Nome salvo."), named.Text);
        Assert.Equal("Paula Souza", named.Doc.QuerySelector("h1")!.TextContent);
        Assert.Null(named.Doc.QuerySelector("[data-testid=name-form]"));
        // A name is never replaced from the counter.
        var again = await counter.PostAsync($"/compras/{purchase}/nome", new Dictionary<string, string> { ["Name"] = "Outra Pessoa" });
        Assert.True(again.Shows("O nome deste cliente só pode ser mudado pelo responsável"), again.Text);
        Assert.Equal("Paula Souza", (await owner.CustomerAsync("+5511912345678")).Name);
        Assert.True(await app.InBusinessAsync(owner.BusinessId, db => db.Audit.AnyAsync(a => a.Field == "Nome" && a.NewValue == "Paula Souza")));
    }

    [Fact]
    public async Task A_bad_name_is_refused_in_portuguese_and_changes_nothing()
    {
        var (owner, _, counter, purchase) = await StaffPurchaseAsync();

        var bad = await counter.PostAsync($"/compras/{purchase}/nome", new Dictionary<string, string> { ["Name"] = "<script>" });
        var empty = await counter.PostAsync($"/compras/{purchase}/nome", new Dictionary<string, string> { ["Name"] = "" });

        Assert.True(bad.Shows("Use apenas letras, números e pontuação comum no nome."), bad.Text);
        Assert.True(empty.Shows("o nome é opcional"), empty.Text);
        Assert.Null((await owner.CustomerAsync("+5511912345678")).Name);
    }
}
