using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Staff;

/// <summary>The platform administrator is not a tenant account, and every change to the team is on record.</summary>
public sealed class PlatformAccountTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_owner_cannot_edit_reset_or_deactivate_a_platform_administrator()
    {
        var owner = await app.SignUpAsync("Loja da Plataforma");
        var admin = await owner.AddStaffAsync("Pessoa da Plataforma");
        Assert.Equal(0, await GrantPlatformAdmin.RunAsync(app.Services, admin.Email));

        var edit = await owner.Client.GetAsync($"/equipe/{admin.UserId}/editar");
        var save = await owner.Client.PostAsync($"/equipe/{admin.UserId}/editar", new Dictionary<string, string>
        {
            ["FullName"] = "Renomeada", ["Email"] = admin.Email, ["BranchId"] = owner.BranchId.ToString(), ["Role"] = "Atendente", ["Password"] = "senha trocada pelo dono",
        });
        var deactivate = await owner.Client.PostAsync($"/equipe/{admin.UserId}/desativar");

        foreach (var page in new[] { edit, save, deactivate })
            Assert.True(page.Shows("Este acesso pertence à administração da plataforma e não pode ser alterado aqui."), page.Text);
        var stored = await app.AsAdminAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == admin.UserId));
        Assert.Equal(("Pessoa da Plataforma", true), (stored.FullName, stored.IsActive));
        var (_, signedIn) = await app.SignInAsync(admin.Email, admin.Password);
        Assert.True(signedIn.Shows("Olá, Pessoa da Plataforma!"), signedIn.Text);
    }

    [Fact]
    public async Task Saving_a_person_keeps_a_role_the_form_does_not_show()
    {
        var owner = await app.SignUpAsync("Loja do Dono Admin");
        Assert.Equal(0, await GrantPlatformAdmin.RunAsync(app.Services, owner.Email));
        var me = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());

        var saved = await owner.Client.SubmitAsync($"/equipe/{me}/editar", new Dictionary<string, string> { ["FullName"] = "Marina Dona e Admin" });

        Assert.True(saved.Shows("Cadastro de Marina Dona e Admin atualizado."), saved.FormError + saved.Text);
        var roles = await app.AsAdminAsync(db => db.UserRoles.Where(r => r.UserId == me)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());
        Assert.Equal([Roles.Owner, Roles.PlatformAdmin], roles);
    }

    [Fact]
    public async Task Staff_role_and_password_changes_are_in_the_audit_log_with_who_made_them()
    {
        var owner = await app.SignUpAsync("Loja Auditada");
        var staff = await owner.AddStaffAsync("Bia Atendente");

        await owner.Client.SubmitAsync($"/equipe/{staff.UserId}/editar", new Dictionary<string, string> { ["Role"] = "Dono", ["Password"] = "nova frase da bia" });
        await owner.Client.PostAsync($"/equipe/{staff.UserId}/desativar");
        var page = await owner.Client.GetAsync("/equipe");

        Assert.True(page.Shows("Papel (Bia Atendente): Atendente → Dono"), page.Text);
        Assert.True(page.Shows("Senha (Bia Atendente):  → alterada"), page.Text);
        Assert.True(page.Shows("Acesso (Bia Atendente): ativo → desativado"), page.Text);
        Assert.True(page.Shows("Acesso (Bia Atendente):  → criado: Atendente em Principal"), page.Text); // the creation, in one line
        Assert.True(page.Shows("Marina Dona"), page.Text);
    }
}
