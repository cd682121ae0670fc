using System.Text.Json;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.ProgramSettings;

/// <summary>Programa in the customer's words (issue 22): the rule's question, a summary, no example posing as a value.</summary>
public sealed class ProgramSummaryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_page_asks_the_rule_as_a_question_and_sums_it_up_with_the_counter_rule()
    {
        var owner = await app.SignUpAsync();
        var page = await owner.Client.GetAsync("/programa");

        Assert.True(page.Shows("A cada quantos reais o cliente ganha 1 ponto?"), page.Text);
        Assert.Equal("Gastando R$ 50,00 o cliente ganha 50 pontos. O prêmio (um brinde especial) sai com 500 pontos: 10 compras desse valor.",
            Page.Normalize(page.Doc.QuerySelector("[data-testid=summary]")!.TextContent).Trim());
        foreach (var field in new[] { "ValuePerPoint", "Goal", "RecognitionText", "RewardValue", "GrossMarginPercent", "InactivityDays", "UnitName", "PointsPerUnit" })
            Assert.Null(page.Doc.QuerySelector($"#{field}")!.GetAttribute("placeholder"));

        var saved = await owner.SetProgramAsync(new Dictionary<string, string> { ["ValuePerPoint"] = "2,00", ["Goal"] = "300", ["RecognitionText"] = "uma casquinha" });
        Assert.Equal("Gastando R$ 50,00 o cliente ganha 25 pontos. O prêmio (uma casquinha) sai com 300 pontos: 12 compras desse valor.",
            Page.Normalize(saved.Doc.QuerySelector("[data-testid=summary]")!.TextContent).Trim());
    }

    [Theory]
    [InlineData("RuleKind=ByValue&ValuePerPoint=0,50&Rounding=WholeDown&Goal=1000&RecognitionText=um+vinho",
        "Gastando R$ 50,00 o cliente ganha 100 pontos. O prêmio (um vinho) sai com 1.000 pontos: 10 compras desse valor.")]
    [InlineData("RuleKind=ByUnit&PointsPerUnit=1&UnitName=lavagem&Goal=10&RecognitionText=uma+lavagem",
        "Comprando 1 lavagem o cliente ganha 1 ponto. O prêmio (uma lavagem) sai com 10 pontos: 10 unidades.")]
    [InlineData("RuleKind=ByValue&ValuePerPoint=100,00&Rounding=WholeDown&Goal=5", "Gastando R$ 50,00 o cliente não ganha pontos.")]
    [InlineData("RuleKind=ByValue&ValuePerPoint=abc&Goal=500", "")]
    [InlineData("RuleKind=9&ValuePerPoint=1&Goal=500", "")]
    public async Task The_live_summary_reads_what_is_typed_and_says_nothing_for_what_is_not_a_number(string query, string expected)
    {
        var owner = await app.SignUpAsync();
        using var response = await owner.Client.Http.GetAsync(new Uri("/programa/resumo?" + query, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var text = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("text").GetString();
        Assert.Equal(expected, Page.Normalize(text));
    }
}
