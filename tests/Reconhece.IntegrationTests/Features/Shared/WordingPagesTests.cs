using System.Text.RegularExpressions;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Shared;

/// <summary>What staff and owners read: counts of one in the singular, placeholders as the owner types them (issue 22).</summary>
public sealed class WordingPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task One_point_one_purchase_and_one_customer_read_in_the_singular()
    {
        var owner = await app.SignUpAsync("Sorveteria Singular");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "2" });

        // R$ 1,00 at the default R$ 1,00 a point: one point, one short of the goal of two.
        var result = await owner.Client.RegisterPurchaseAsync("11987651234", "1,00", name: "Cliente Único");
        var text = Regex.Replace(result.Text, @"\s+", " ");
        Assert.Contains("+1 ponto nesta compra", text, StringComparison.Ordinal);
        Assert.Contains("Você ganhou 1 ponto.", text, StringComparison.Ordinal);
        Assert.Contains("1 ponto no total", text, StringComparison.Ordinal);
        Assert.True(result.Shows("Falta 1 ponto para a meta de 2."), result.Text);
        Assert.DoesNotMatch(@"(?<![\d.,])1 pontos", text);

        var list = await owner.Client.GetAsync("/clientes?q=Único");
        Assert.True(list.Shows("1 ponto ·"), list.Text);
        var customer = await owner.Client.GetAsync($"/clientes/{(await owner.CustomerAsync("+5511987651234")).Id}");
        var page = Regex.Replace(customer.Text, @"\s+", " ");
        Assert.Contains("1 ponto (meta 2)", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<![\d.,])1 pontos", page);
    }

    [Fact]
    public async Task The_message_pages_list_their_placeholders_as_the_owner_types_them()
    {
        var owner = await app.SignUpAsync("Bar do Zé");
        foreach (var url in new[] { "/acoes/convites", "/acoes/configuracoes" })
        {
            var page = await owner.Client.GetAsync(url);
            Assert.True(page.Shows("Marcadores: {nome}, {negocio}"), url + ": " + page.Text);
            Assert.True(page.Shows("{cartao}"), url + ": " + page.Text);
            Assert.False(page.Shows("{{"), url + ": " + page.Text);
        }
    }

    [Fact]
    public async Task The_points_limit_is_named_for_what_it_does_not_as_a_cap()
    {
        var owner = await app.SignUpAsync("Posto Sem Teto");
        var page = await owner.Client.GetAsync("/programa");
        Assert.True(page.Shows("Compra que não ganha pontos: acima de quantos pontos"), page.Text);
        Assert.False(page.Shows("Máximo de pontos"), page.Text);
    }
}
