using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.BusinessSettings;

public sealed class BusinessSettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_owner_renames_the_business_and_picks_its_time_zone()
    {
        var owner = await app.SignUpAsync("Nome Velho");

        var page = await owner.Client.SubmitAsync("/negocio", new Dictionary<string, string> { ["Name"] = "Nome Novo", ["TimeZoneId"] = "America/Manaus" });

        Assert.True(page.Shows("Dados do negócio salvos."));
        var business = await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.SingleAsync());
        Assert.Equal(("Nome Novo", "America/Manaus"), (business.Name, business.TimeZoneId));
    }

    [Fact]
    public async Task A_time_zone_outside_the_list_is_refused()
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.SubmitAsync("/negocio", new Dictionary<string, string> { ["TimeZoneId"] = "Europe/Lisbon" });

        Assert.Equal("Escolha um fuso horário da lista.", page.FieldError("TimeZoneId"));
        Assert.Equal("America/Sao_Paulo", await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.TimeZoneId).SingleAsync()));
    }
}
