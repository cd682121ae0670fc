using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Dashboard;

/// <summary>A new business's Início: first steps instead of zeros, each leaving when done (issue 22).</summary>
public sealed class SetupChecklistTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string[] Steps(Page page) =>
        page.Doc.QuerySelectorAll("[data-testid=setup] li[data-step]").Select(li => li.GetAttribute("data-step")!).ToArray();

    [Fact]
    public async Task The_steps_leave_one_by_one_and_the_zeros_wait_for_the_first_purchase()
    {
        var owner = await app.SignUpAsync("Sorveteria Nova", confirmEmail: false);

        var first = await owner.Client.GetAsync("/painel");
        Assert.Equal(["Rule", "Team", "Email", "FirstPurchase"], Steps(first));
        // The rule in plain words, with the visits it implies at an example ticket said to be one.
        Assert.True(first.Shows("Hoje: 1 ponto a cada R$ 1,00; o brinde sai com 500 pontos."), first.Text);
        Assert.True(first.Shows("Um cliente que gasta R$ 20,00 por visita (exemplo) leva 25 visitas para ganhar o brinde."), first.Text);
        Assert.Null(first.Doc.QuerySelector("[data-testid=week]"));
        Assert.Null(first.Doc.QuerySelector("[data-testid=today]"));

        var kept = await owner.Client.SubmitAsync("/painel", new Dictionary<string, string>(), "/painel/primeiros-passos/regra");
        Assert.Equal(["Team", "Email", "FirstPurchase"], Steps(kept));
        await owner.AddStaffAsync();
        Assert.Equal(["Email", "FirstPurchase"], Steps(await owner.Client.GetAsync("/painel")));
        await owner.Client.RegisterPurchaseAsync("11912345678", "30,00");
        var afterPurchase = await owner.Client.GetAsync("/painel");
        Assert.Equal(["Email"], Steps(afterPurchase));
        Assert.NotNull(afterPurchase.Doc.QuerySelector("[data-testid=today]"));
        await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true)));

        var done = await owner.Client.GetAsync("/painel");
        Assert.Null(done.Doc.QuerySelector("[data-testid=setup]"));
        Assert.True(await app.InBusinessAsync(owner.BusinessId, db => db.Audit.AnyAsync(a => a.Subject == "Primeiros passos" && a.Field == "regra")));
    }

    [Fact]
    public async Task Saving_the_programme_or_working_alone_also_clears_their_steps()
    {
        var owner = await app.SignUpAsync("Adega Solo");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        var page = await owner.Client.SubmitAsync("/painel", new Dictionary<string, string>(), "/painel/primeiros-passos/equipe");

        Assert.Equal(["FirstPurchase"], Steps(page));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await owner.Client.PostAsync("/painel/primeiros-passos/qualquer")).Status);
    }
}
