using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Staff;

public sealed class StaffTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_owner_adds_a_staff_member_who_signs_in_at_their_branch()
    {
        var owner = await app.SignUpAsync("Lava-Rápido Estrela");
        var staff = await owner.AddStaffAsync("Diego Lavador");

        var list = await owner.Client.GetAsync("/equipe");
        Assert.True(list.Shows("Diego Lavador"));
        Assert.True(list.Shows(staff.Email));

        var (_, home) = await app.SignInAsync(staff.Email, staff.Password);
        Assert.True(home.Shows("Olá, Diego Lavador!"), home.Text);
        Assert.True(home.Shows("Filial: Principal"), home.Text);
        Assert.True(home.Shows("Lava-Rápido Estrela"));
    }

    [Theory]
    [InlineData("/equipe")]
    [InlineData("/equipe/novo")]
    [InlineData("/filiais")]
    [InlineData("/filiais/nova")]
    [InlineData("/negocio")]
    public async Task Staff_cannot_open_owner_pages(string url)
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);

        var page = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.True(page.Shows("Esta página é só para o responsável pelo negócio."), page.Text);
    }

    [Fact]
    public async Task Staff_cannot_deactivate_anyone_nor_add_people()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);
        var ownerId = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());

        var deactivate = await client.PostAsync($"/equipe/{ownerId}/desativar");
        var add = await client.PostAsync("/equipe/novo", new Dictionary<string, string>
        {
            ["FullName"] = "Intruso", ["Email"] = Scenario.UniqueEmail("intruso"), ["Password"] = Scenario.Password, ["BranchId"] = owner.BranchId.ToString(),
        });

        Assert.Equal(HttpStatusCode.Forbidden, deactivate.Status);
        Assert.Equal(HttpStatusCode.Forbidden, add.Status);
        Assert.True(await app.AsAdminAsync(db => db.Users.Where(u => u.Id == ownerId).Select(u => u.IsActive).SingleAsync()));
        Assert.False(await app.AsAdminAsync(db => db.Users.AnyAsync(u => u.FullName == "Intruso")));
    }

    [Fact]
    public async Task The_owner_edits_a_staff_member_and_sets_a_new_password()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync("Nome Antigo");

        var page = await owner.Client.SubmitAsync($"/equipe/{staff.UserId}/editar", new Dictionary<string, string>
        {
            ["FullName"] = "Nome Novo", ["Password"] = "novasenha99", ["Mobile"] = "21 99876-5432",
        });

        Assert.True(page.Shows("Cadastro de Nome Novo atualizado."), page.Text);
        Assert.True(page.Shows("(21) 99876-5432"));
        var (_, refused) = await app.SignInAsync(staff.Email, staff.Password);
        Assert.Contains("E-mail ou senha incorretos.", refused.FormError, StringComparison.Ordinal);
        var (_, accepted) = await app.SignInAsync(staff.Email, "novasenha99");
        Assert.True(accepted.Shows("Olá, Nome Novo!"));
    }

    [Fact]
    public async Task An_email_used_in_another_business_cannot_be_given_to_staff()
    {
        var other = await app.SignUpAsync("Outra Loja");
        var owner = await app.SignUpAsync();

        var page = await owner.Client.SubmitAsync("/equipe/novo", new Dictionary<string, string>
        {
            ["FullName"] = "Repetido", ["Email"] = other.Email, ["Password"] = Scenario.Password, ["BranchId"] = owner.BranchId.ToString(),
        });

        Assert.Equal("Este e-mail já está cadastrado.", page.FieldError("Email"));
        Assert.False(await app.AsAdminAsync(db => db.Users.AnyAsync(u => u.FullName == "Repetido")));
    }

    [Fact]
    public async Task A_new_staff_member_needs_a_password_and_an_active_branch()
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.SubmitAsync("/equipe/novo", new Dictionary<string, string>
        {
            ["FullName"] = "Sem Senha", ["Email"] = Scenario.UniqueEmail("semsenha"), ["Password"] = "", ["BranchId"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal("Crie uma senha para o primeiro acesso.", page.FieldError("Password"));
        Assert.Equal("Escolha uma filial ativa.", page.FieldError("BranchId"));
    }

    [Fact]
    public async Task The_owner_cannot_deactivate_themselves()
    {
        var owner = await app.SignUpAsync();
        var ownerId = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());

        var page = await owner.Client.PostAsync($"/equipe/{ownerId}/desativar");

        Assert.True(page.Shows("Você não pode desativar o seu próprio acesso."));
        Assert.True(await app.AsAdminAsync(db => db.Users.Where(u => u.Id == ownerId).Select(u => u.IsActive).SingleAsync()));
    }
}
