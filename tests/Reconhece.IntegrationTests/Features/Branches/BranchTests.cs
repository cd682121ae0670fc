using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Branches;

public sealed class BranchTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_owner_adds_renames_and_deactivates_a_branch()
    {
        var owner = await app.SignUpAsync();

        var created = await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Shopping Norte", ["Address"] = "Av. Brasil, 100" });
        Assert.True(created.Shows("Filial cadastrada."));
        var id = await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Name == "Shopping Norte").Select(b => b.Id).SingleAsync());

        var renamed = await owner.Client.SubmitAsync($"/filiais/{id}/editar", new Dictionary<string, string> { ["Name"] = "Shopping Sul" });
        Assert.True(renamed.Shows("Shopping Sul"));

        var deactivated = await owner.Client.PostAsync($"/filiais/{id}/desativar");
        Assert.True(deactivated.Shows("Filial Shopping Sul desativada."));
        Assert.False(await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Id == id).Select(b => b.IsActive).SingleAsync()));
        // A deactivated branch is not offered for new staff.
        var staffForm = await owner.Client.GetAsync("/equipe/novo");
        Assert.DoesNotContain("Shopping Sul", staffForm.Doc.QuerySelector("select#BranchId")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_branches_of_one_business_cannot_share_a_name_but_two_businesses_can()
    {
        var a = await app.SignUpAsync("Loja A");
        var b = await app.SignUpAsync("Loja B");
        await a.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Centro" });

        var duplicate = await a.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Centro" });
        var otherBusiness = await b.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Centro" });

        Assert.Equal("Já existe uma filial com este nome.", duplicate.FieldError("Name"));
        Assert.True(otherBusiness.Shows("Filial cadastrada."));
    }

    [Fact]
    public async Task The_last_active_branch_cannot_be_deactivated()
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.PostAsync($"/filiais/{owner.BranchId}/desativar");

        Assert.True(page.Shows("O negócio precisa de pelo menos uma filial ativa."));
        Assert.True(await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Id == owner.BranchId).Select(b => b.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task A_blank_or_overlong_name_is_refused()
    {
        var owner = await app.SignUpAsync();

        var blank = await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "  " });
        var overlong = await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = new string('x', 81) });

        Assert.Equal("Informe o nome da filial.", blank.FieldError("Name"));
        Assert.Equal("Use no máximo 80 caracteres.", overlong.FieldError("Name"));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Branches.CountAsync()));
    }
}
