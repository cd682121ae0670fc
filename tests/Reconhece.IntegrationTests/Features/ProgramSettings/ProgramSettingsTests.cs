using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.ProgramSettings;

public sealed class ProgramSettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Fifty_centavos_per_point_doubles_the_points_and_rounds_down_by_default()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["ValuePerPoint"] = "0,50" });

        var page = await owner.Client.RegisterPurchaseAsync("11912345678", "45,90");

        Assert.True(page.Shows("+91"), page.Text);
    }

    [Fact]
    public async Task A_by_unit_rule_counts_bottles_and_the_form_asks_for_a_quantity()
    {
        var owner = await app.SignUpAsync("Adega do Vale");
        await owner.SetProgramAsync(new Dictionary<string, string>
        {
            ["RuleKind"] = "ByUnit", ["UnitName"] = "garrafa de vinho", ["PointsPerUnit"] = "1", ["Goal"] = "12",
        });

        var form = await owner.Client.GetAsync("/registrar");
        var page = await owner.Client.RegisterPurchaseAsync("11912345678", amount: "389,70", quantity: "3");
        var missing = await owner.Client.RegisterPurchaseAsync("11912345678", amount: "50");

        Assert.True(form.Shows("Quantidade (garrafa de vinho)"));
        Assert.True(page.Shows("+3"), page.Text);
        Assert.True(page.Shows("Faltam 9 pontos para a meta de 12."));
        Assert.Equal("Informe a quantidade.", missing.FieldError("Quantity"));
        Assert.Equal(389.70m, (await owner.CustomerAsync("+5511912345678")).LifetimeSpend);
    }

    [Fact]
    public async Task A_new_rule_applies_to_new_purchases_only_and_every_change_is_recorded()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "100");

        var page = await owner.SetProgramAsync(new Dictionary<string, string> { ["ValuePerPoint"] = "2,00", ["Goal"] = "300" });
        await owner.Client.RegisterPurchaseAsync("11912345678", "100");

        var points = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.OrderBy(p => p.At).Select(p => p.Points).ToListAsync());
        Assert.Equal([100m, 50m], points);
        Assert.True(page.Shows("Valor do ponto: R$ 1,00 → R$ 2,00"), page.Text);
        Assert.True(page.Shows("Meta: 500 → 300"));
        Assert.True(page.Shows("Marina Dona"));
        var audit = await app.InBusinessAsync(owner.BusinessId, db => db.Audit.Where(a => a.Subject == "Programa").Select(a => a.Field).ToListAsync());
        Assert.Equal(["Meta", "Valor do ponto"], audit.Order());
    }

    [Fact]
    public async Task Lowering_the_goal_makes_customers_eligible_and_raising_it_takes_that_back()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "150");

        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        Assert.NotNull((await owner.CustomerAsync("+5511912345678")).EligibleSince);
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "200" });
        Assert.Null((await owner.CustomerAsync("+5511912345678")).EligibleSince);
    }

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "ValuePerPoint", "0", "Informe um número maior que zero, ex.: 0,50." },
        { "ValuePerPoint", "abc", "Informe um número maior que zero, ex.: 0,50." },
        { "Goal", "", "Informe um valor." },
        { "Goal", "-10", "Informe um número maior que zero, ex.: 0,50." },
        { "InactivityDays", "0", "Informe um número de dias entre 1 e 365." },
        { "InactivityDays", "trinta", "Informe um número de dias entre 1 e 365." },
        { "RecognitionText", "", "Descreva o reconhecimento, ex.: brinde de R$ 25 em sorvete." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_are_explained_and_change_nothing(string field, string value, string message)
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.SubmitAsync("/programa", new Dictionary<string, string> { [field] = value });

        Assert.Equal(message, page.FieldError(field));
        var program = await app.InBusinessAsync(owner.BusinessId, db => db.Programs.SingleAsync());
        Assert.Equal((1.00m, 500m, 30), (program.ValuePerPoint, program.Goal, program.InactivityDays));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Audit.CountAsync()));
    }

    [Fact]
    public async Task Only_the_fields_the_business_collects_are_asked_and_kept()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectName"] = "false", ["CollectBirthDate"] = "true" });

        var form = await owner.Client.GetAsync("/registrar");
        await owner.Client.SubmitAsync("/registrar", new Dictionary<string, string>
        {
            ["Phone"] = "11912345678", ["Amount"] = "10", ["Customer.Name"] = "Não Deve Ficar", ["Customer.BirthDate"] = "25/12/1980",
        });

        Assert.Null(form.Doc.QuerySelector("input[name='Customer.Name']"));
        Assert.NotNull(form.Doc.QuerySelector("input[name='Customer.BirthDate']"));
        var customer = await owner.CustomerAsync("+5511912345678");
        Assert.Null(customer.Name);
        Assert.Equal(new DateOnly(1980, 12, 25), customer.BirthDate);
    }
}
