using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Features.Demo;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Demo;

public sealed class DemoSeederTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_demo_business_is_seeded_once_with_logins_that_work_and_customers_to_look_at()
    {
        await DemoSeeder.SeedAsync(app.Services);
        await DemoSeeder.SeedAsync(app.Services);

        var (owner, painel) = await app.SignInAsync(DemoSeeder.OwnerEmail, DemoSeeder.Password);
        var (_, staffHome) = await app.SignInAsync(DemoSeeder.StaffEmail, DemoSeeder.Password);
        Assert.True(painel.Shows("Sorveteria Demo"), painel.Text);
        Assert.True(staffHome.Shows("Olá, Bruno Atendente!"));
        Assert.Equal(1, await app.AsAdminAsync(db => db.Users.CountAsync(u => u.Email == DemoSeeder.OwnerEmail)));
        var eligible = await owner.GetAsync("/reconhecimento");
        Assert.True(eligible.Shows("Carla Mendes"), eligible.Text);
        Assert.True((await owner.GetAsync("/clientes")).Shows("Ana Clara"));
    }
}
