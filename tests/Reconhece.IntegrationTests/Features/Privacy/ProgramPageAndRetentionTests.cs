using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Features.Privacy;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Privacy;

/// <summary>The public programme page and poster (LGPD art. 9, VII and VIII), and the retention period.</summary>
public sealed class ProgramPageAndRetentionTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task The_public_page_tells_rules_data_retention_who_sees_and_rights_without_signing_in()
    {
        var owner = await app.SignUpAsync("Empório São Tomé");
        await owner.SetProgramAsync(new Dictionary<string, string>
        {
            ["Goal"] = "300", ["RecognitionText"] = "uma garrafa de vinho", ["ValuePerPoint"] = "0,50", ["PointsExpiryMonths"] = "12",
            ["MinEarningAmount"] = "5,00", ["MaxEarningPurchasesPerDay"] = "1", ["MaxPointsPerPurchase"] = "2000",
        });
        var settings = await owner.Client.SubmitAsync("/privacidade", new Dictionary<string, string>
        {
            ["PageText"] = "Aberto de terça a domingo.\n<script>alert(1)</script>", ["RetentionYears"] = "3",
        });
        Assert.True(settings.Shows("Privacidade salva."), settings.Text);
        var slug = await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.Privacy.Slug).SingleAsync());
        Assert.StartsWith("emporio-sao-tome-", slug, StringComparison.Ordinal);

        var page = await app.NewClient().GetAsync($"/p/{slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Shows("A cada R$ 0,50 em compras você ganha 1 ponto."), page.Text);
        Assert.True(page.Shows("Ao juntar 300 pontos, você ganha uma garrafa de vinho."));
        // Every rule that can take points away or withhold them (issue 20), as the card states them too.
        Assert.True(page.Shows("Os pontos vencem 12 meses depois da compra em que foram ganhos; os mais antigos são usados primeiro."));
        Assert.True(page.Shows("Compras abaixo de R$ 5,00 não ganham pontos."));
        Assert.True(page.Shows("Só 1 compra por dia ganha pontos; as outras do mesmo dia ficam registradas, sem pontos."));
        Assert.True(page.Shows("Uma compra que daria mais de 2.000 pontos não ganha pontos"));
        Assert.True(page.Shows("Algumas promoções valem só para uma parte dos clientes, sorteada"));
        Assert.True(page.Shows("Depois de 3 anos sem compras, seus dados são anonimizados automaticamente."));
        Assert.True(page.Shows("Seus dados não são vendidos nem compartilhados com outras empresas."));   // VII
        Assert.True(page.Shows("Participar é opcional."));                                                 // VIII
        Assert.True(page.Shows("Aberto de terça a domingo."));
        Assert.Null(page.Doc.QuerySelector("main script, section script"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/p/nao-existe")).Status);

        using var poster = await app.NewClient().Http.GetAsync(new Uri($"/p/{slug}/cartaz.pdf", UriKind.Relative));
        Assert.Equal("application/pdf", poster.Content.Headers.ContentType?.MediaType);
        var pdf = await poster.Content.ReadAsByteArrayAsync();
        var text = string.Join(" ", ReportScenario.PdfLines(pdf));   // lines wrap on the A5 page
        Assert.Contains("A cada R$ 0,50 em compras você ganha 1 ponto.", text, StringComparison.Ordinal);
        Assert.Contains($"/p/{slug}", text, StringComparison.Ordinal);
        Assert.Contains("Compras abaixo de R$ 5,00 não ganham pontos.", text, StringComparison.Ordinal);
        Assert.Contains("sorteada", text, StringComparison.Ordinal);
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var a5 = doc.GetPage(1);
            Assert.Equal(420, Math.Round(a5.Width), 0);   // A5: 420 × 595 points
            // With every rule on it, the poster still holds all its text on the one page.
            Assert.All(a5.Letters, l => Assert.InRange(l.BoundingBox.Bottom, 0, a5.Height));
        }
        ReportScenario.SaveArtefact(pdf, "cartaz-do-programa");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("-1")]
    public async Task A_bad_retention_period_gets_a_ptBR_message_and_changes_nothing(string years)
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.SubmitAsync("/privacidade", new Dictionary<string, string> { ["RetentionYears"] = years });

        Assert.Equal("Use um número de anos de 1 a 20, ou deixe em branco para não anonimizar automaticamente.", page.FieldError("RetentionYears"));
        Assert.Null(await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.Privacy.RetentionYears).SingleAsync()));
    }

    [Fact]
    public async Task Retention_anonymises_customers_without_purchases_for_N_years_once_and_the_audit_shows_it()
    {
        var owner = await app.SignUpAsync("Retém Pouco");
        var off = await app.SignUpAsync("Retenção desligada");
        app.Clock.Now = DateTimeOffset.UtcNow.AddYears(-3);
        await owner.Client.RegisterPurchaseAsync("11923450001", "10", name: "Antigo");
        await off.Client.RegisterPurchaseAsync("11923450001", "10", name: "Antigo de outra loja");
        app.Clock.Now = DateTimeOffset.UtcNow.AddYears(-1);
        await owner.Client.RegisterPurchaseAsync("11923450002", "10", name: "Recente");
        app.Clock.Now = null;
        await owner.Client.SubmitAsync("/privacidade", new Dictionary<string, string> { ["RetentionYears"] = "2" });

        var first = await app.InScopeAsync<ApplyRetention, int>(r => r.RunAsync());
        var second = await app.InScopeAsync<ApplyRetention, int>(r => r.RunAsync());

        Assert.Equal((1, 0), (first, second));
        var customers = await app.InBusinessAsync(owner.BusinessId, db => db.Customers.OrderBy(c => c.CreatedAt).Select(c => new { c.Name, c.AnonymizedAt }).ToListAsync());
        Assert.NotNull(customers[0].AnonymizedAt);
        Assert.Null(customers[0].Name);
        Assert.Equal(("Recente", (DateTime?)null), (customers[1].Name, customers[1].AnonymizedAt));
        var audit = await app.InBusinessAsync(owner.BusinessId, db => db.Audit.SingleAsync(a => a.Field == AnonymiseCustomer.AuditField));
        Assert.Equal("Prazo de guarda: 2 anos sem compras", audit.NewValue);
        var log = (await owner.Client.GetAsync("/privacidade")).Doc.QuerySelectorAll("ul.list li").Select(li => Page.Normalize(li.TextContent)).ToList();
        Assert.Contains(log, l => l.Contains("Anonimização", StringComparison.Ordinal) && l.Contains("→ Prazo de guarda: 2 anos sem compras", StringComparison.Ordinal));
        Assert.Equal("Antigo de outra loja", (await off.CustomerAsync("+5511923450001")).Name);
    }
}
