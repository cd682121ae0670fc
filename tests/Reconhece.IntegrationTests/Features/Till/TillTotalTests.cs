using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Till;

/// <summary>"Total do caixa" and the share of identified sales it gives the history (DOMAIN.md, "Share of identified sales").</summary>
public sealed class TillTotalTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Staff_type_the_till_total_again_and_it_replaces_the_first_and_the_history_shows_the_share()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync("Pessoa do Caixa");
        var (counter, _) = await app.SignInAsync(staff.Email, staff.Password);
        await counter.RegisterPurchaseAsync("11912345678", "120,00");
        await counter.RegisterPurchaseAsync("21987650000", "180,00");

        var first = await counter.SubmitAsync("/caixa", new Dictionary<string, string> { ["Amount"] = "900,00" });
        var second = await counter.SubmitAsync("/caixa", new Dictionary<string, string> { ["Amount"] = "1.000,00" });
        var history = await owner.Client.GetAsync("/painel/historico");

        Assert.True(first.Shows("Total do caixa salvo."), first.FormError);
        Assert.True(second.Shows("Total do caixa salvo."));
        Assert.Equal([1000.00m], await app.InBusinessAsync(owner.BusinessId, db => db.TillTotals.Select(t => t.Amount).ToListAsync()));
        Assert.Contains("30%", second.Doc.QuerySelector("[data-testid=till-days]")!.TextContent, StringComparison.Ordinal);
        var rows = history.Doc.QuerySelectorAll("[data-testid=table-vendas-identificadas] tbody tr");
        Assert.Equal("30%", rows[0].Children[1].TextContent.Trim());           // this month
        Assert.Equal("—", rows[^1].Children[1].TextContent.Trim());           // eleven months ago: no till total typed
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Amount", "", "Informe o total do caixa." },
        { "Amount", "-50", "Valor inválido. Use só números e vírgula, ex.: 1.234,56." },
        { "Amount", "mil reais", "Valor inválido. Use só números e vírgula, ex.: 1.234,56." },
        { "Day", "2099-01-01", "Esta data ainda não chegou." },
        { "Day", "2020-01-01", "Só dá para informar os últimos 31 dias." },
        { "Day", "31/02/2026", "Data inválida. Use dd/mm/aaaa, ex.: 25/12/2026." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_pt_br_message_and_stores_nothing(string field, string value, string message)
    {
        var owner = await app.SignUpAsync();
        var fields = new Dictionary<string, string> { ["Amount"] = "100", [field] = value };

        var page = await owner.Client.SubmitAsync("/caixa", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.TillTotals.CountAsync()));
    }
}
