using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>The four PDFs built for a seeded business, read back with PdfPig: customers, order, classes, formats, accents.</summary>
public sealed class ReportPdfTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task The_four_reports_show_the_right_customers_in_order_with_classes_and_pt_BR_formats()
    {
        var owner = await app.SignUpAsync("Sorveteria São João");
        var lastWeek = ReportSchedule.LastCompleteWeek(DateTime.UtcNow, ReportScenario.SaoPaulo);
        // Sixty days ago: the biggest spender, who then stopped coming.
        app.Clock.Now = ReportScenario.LocalSp(lastWeek.AddDays(-60), 15);
        await owner.Client.RegisterPurchaseAsync("11981110005", "1234,56", name: "Élson Araújo");
        // Last week's Wednesday: four new customers.
        app.Clock.Now = ReportScenario.LocalSp(lastWeek.AddDays(2), 10);
        await owner.Client.RegisterPurchaseAsync("11981110001", "600,00", name: "Ana Júlia");
        await owner.Client.RegisterPurchaseAsync("11981110002", "300,00", name: "Conceição");
        await owner.Client.RegisterPurchaseAsync("11981110003", "50,00", name: "João");
        await owner.Client.RegisterPurchaseAsync("11981110004", "20,00", name: "Zé");
        app.Clock.Now = null;

        var page = await owner.Client.PressAsync("/relatorios/gerar");
        Assert.True(page.Shows("Relatórios gerados."), page.Text);
        var run = page.FirstRunId();
        var links = page.PdfLinks(run);
        Assert.Equal(["clientes-inativos", "curva-abc", "meta-atingida", "novos-clientes"], links.Keys.Order());
        var pdfs = new Dictionary<string, byte[]>();
        foreach (var (slug, url) in links)
        {
            pdfs[slug] = await owner.Client.DownloadAsync(url);
            ReportScenario.SaveArtefact(pdfs[slug], slug);
        }

        var period = $"Semana de {lastWeek:dd/MM/yyyy} a {lastWeek.AddDays(6):dd/MM/yyyy}";
        var abc = ReportScenario.PdfLines(pdfs["curva-abc"]);
        Assert.Contains("Sorveteria São João", abc);
        Assert.Contains(period, abc);
        // The zone in words, not its id (issue 22).
        Assert.Contains(abc, l => l.StartsWith("Gerado em ", StringComparison.Ordinal) && l.EndsWith("(horário de Brasília)", StringComparison.Ordinal));
        Assert.DoesNotContain(abc, l => l.Contains("America/", StringComparison.Ordinal));
        Assert.Contains("Página 1 de 1", abc.Single(l => l.Contains("Página", StringComparison.Ordinal)));
        var rows = abc.Where(l => l.Contains("(11) 98111-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, rows.Count);
        Assert.StartsWith("1 Élson Araújo (11) 98111-0005 1.234", rows[0], StringComparison.Ordinal);
        Assert.Contains("R$ 1.234,56", rows[0], StringComparison.Ordinal);
        Assert.Contains(lastWeek.AddDays(-60).ToString("dd/MM/yyyy", Web.Features.Shared.Format.PtBr), rows[0], StringComparison.Ordinal);
        Assert.StartsWith("2 Ana Júlia", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("3 Conceição", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("4 João", rows[3], StringComparison.Ordinal);
        Assert.StartsWith("5 Zé", rows[4], StringComparison.Ordinal);
        // 2.204 points: Élson and Ana make 83%; Conceição starts at 83% (B); João at 97% (C).
        Assert.Equal(["A", "A", "B", "C", "C"], rows.Select(r => r.Split(' ').Last()));
        Assert.Contains("5 clientes · 2.204 pontos ganhos no total", abc);
        Assert.Contains(abc, l => l.StartsWith("Classe A (até 80% dos pontos): 2 clientes (40,0% dos clientes), 1.834 pontos (83,2% dos pontos)", StringComparison.Ordinal));
        // The 12-month column: Élson's purchase is inside the last year too.
        Assert.Contains("1.234 1.234", rows[0], StringComparison.Ordinal);

        var goal = ReportScenario.PdfLines(pdfs["meta-atingida"]);
        var eligible = goal.Where(l => l.Contains("(11) 98111-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, eligible.Count);
        // First who reached the goal in the reported week, then who waits from before.
        var (reachedHeading, waitingHeading) = (goal.IndexOf("Atingiram a meta nesta semana"), goal.IndexOf("Ainda esperam o reconhecimento (quem espera há mais tempo primeiro)"));
        Assert.True(reachedHeading >= 0 && waitingHeading > reachedHeading, string.Join("\n", goal));
        Assert.StartsWith("Ana Júlia", eligible[0], StringComparison.Ordinal);
        Assert.InRange(goal.IndexOf(eligible[0]), reachedHeading, waitingHeading);
        Assert.StartsWith("Élson Araújo", eligible[1], StringComparison.Ordinal);
        Assert.True(goal.IndexOf(eligible[1]) > waitingHeading);
        Assert.Contains("2 clientes elegíveis agora: 1 atingiu a meta nesta semana, 1 espera desde antes.", goal);

        var fresh = ReportScenario.PdfLines(pdfs["novos-clientes"]);
        var newRows = fresh.Where(l => l.Contains("(11) 98111-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Ana Júlia", "Conceição", "João", "Zé"], newRows.Select(r => r[..r.IndexOf(" (11)", StringComparison.Ordinal)]));
        Assert.Contains("R$ 600,00", newRows[0], StringComparison.Ordinal);
        Assert.Contains($"{lastWeek.AddDays(2):dd/MM/yyyy} 10:00", newRows[0], StringComparison.Ordinal);
        Assert.Contains("Principal", newRows[0], StringComparison.Ordinal);
        Assert.Contains(fresh, l => l.StartsWith("4 novos clientes nesta semana", StringComparison.Ordinal));

        var inactive = ReportScenario.PdfLines(pdfs["clientes-inativos"]);
        var away = inactive.Where(l => l.Contains("(11) 98111-", StringComparison.Ordinal)).ToList();
        Assert.Single(away);
        Assert.StartsWith("Élson Araújo (11) 98111-0005", away[0], StringComparison.Ordinal);
        Assert.Contains("R$ 1.234,56", away[0], StringComparison.Ordinal);
        Assert.Contains("1 cliente sem comprar há mais de 30 dias", inactive);
        // Élson's last purchase was 60 days before the week: inactive for longer, not this week.
        Assert.Contains("Ninguém passou do prazo nesta semana.", inactive);
        Assert.True(inactive.IndexOf(away[0]) > inactive.IndexOf("Inativos há mais tempo"));
    }

    [Fact]
    public async Task A_long_list_stops_at_its_cap_and_says_how_many_more_and_where()
    {
        var owner = await app.SignUpAsync("Sorveteria Cheia");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "10" });
        var lastWeek = ReportSchedule.LastCompleteWeek(DateTime.UtcNow, ReportScenario.SaoPaulo);
        var more = 3;
        app.Clock.Now = ReportScenario.LocalSp(lastWeek.AddDays(1), 12);
        try
        {
            for (var i = 0; i < Web.Features.Reports.ReportContext.RowsPerList + more; i++)
                await owner.Client.RegisterPurchaseAsync($"119{10_000_000 + i * 2_071_723 % 89_999_999:D8}", "20,00"); // far apart: no near-duplicate question
        }
        finally { app.Clock.Now = null; }

        var page = await owner.Client.PressAsync("/relatorios/gerar");
        var pdf = await owner.Client.DownloadAsync(page.PdfLinks(page.FirstRunId())["meta-atingida"]);
        var lines = ReportScenario.PdfLines(pdf);

        Assert.Equal(Web.Features.Reports.ReportContext.RowsPerList, lines.Count(l => l.Contains("(11) 9", StringComparison.Ordinal)));
        Assert.Contains("… e mais 3 clientes: a lista completa está na tela Reconhecimento.", lines);
        Assert.Contains("43 clientes elegíveis agora: 43 atingiram a meta nesta semana, 0 esperam desde antes.", lines);
        Assert.InRange(ReportScenario.PdfPages(pdf), 1, 2);
    }

    [Fact]
    public async Task Under_a_by_unit_rule_new_customers_show_the_amount_and_the_quantity()
    {
        var owner = await app.SignUpAsync("Adega Garrafas");
        await owner.SetProgramAsync(new Dictionary<string, string>
        {
            ["RuleKind"] = "ByUnit", ["UnitName"] = "garrafa de vinho", ["PointsPerUnit"] = "10",
        });
        var lastWeek = ReportSchedule.LastCompleteWeek(DateTime.UtcNow, ReportScenario.SaoPaulo);
        app.Clock.Now = ReportScenario.LocalSp(lastWeek.AddDays(4), 19);
        await owner.Client.RegisterPurchaseAsync("21991112222", amount: "270,00", quantity: "3", name: "Baco");
        await owner.Client.RegisterPurchaseAsync("21991113333", quantity: "1", name: "Dionísio");
        app.Clock.Now = null;

        var page = await owner.Client.PressAsync("/relatorios/gerar");
        var lines = ReportScenario.PdfLines(await owner.Client.DownloadAsync(page.PdfLinks(page.FirstRunId())["novos-clientes"]));

        Assert.Contains(lines, l => l.StartsWith("Baco (21) 99111-2222", StringComparison.Ordinal) && l.EndsWith("R$ 270,00 (3) 30", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Dionísio (21) 99111-3333", StringComparison.Ordinal) && l.EndsWith("1 un. 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_business_with_no_customers_gets_a_friendly_one_page_report_of_each_kind()
    {
        var owner = await app.SignUpAsync("Vinhos Vazios");
        var page = await owner.Client.PressAsync("/relatorios/gerar");
        var links = page.PdfLinks(page.FirstRunId());

        Assert.Equal(4, links.Count);
        var abc = await owner.Client.DownloadAsync(links["curva-abc"]);
        var fresh = await owner.Client.DownloadAsync(links["novos-clientes"]);
        Assert.Equal(1, ReportScenario.PdfPages(abc));
        Assert.Contains("Ainda não há clientes com compras registradas.", ReportScenario.PdfLines(abc));
        Assert.Contains(ReportScenario.PdfLines(fresh), l => l.StartsWith("Nenhum cliente novo nesta semana.", StringComparison.Ordinal));
        ReportScenario.SaveArtefact(abc, "curva-abc-vazia");
    }

    [Fact]
    public async Task A_long_ranking_paginates_with_the_header_row_on_every_page_and_stops_at_100()
    {
        var owner = await app.SignUpAsync("Posto Muitos Clientes");
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var now = DateTime.UtcNow;
            for (var i = 1; i <= 130; i++)
                db.Customers.Add(new Customer
                {
                    Id = Guid.NewGuid(), Phone = $"+551198200{i:0000}", Name = $"Cliente {i:000}", Balance = i, LifetimePoints = i,
                    LifetimeSpend = i, Visits = 1, FirstPurchaseAt = now, LastPurchaseAt = now, CreatedAt = now,
                });
            return await db.SaveChangesAsync();
        });

        var page = await owner.Client.PressAsync("/relatorios/gerar");
        var abc = await owner.Client.DownloadAsync(page.PdfLinks(page.FirstRunId())["curva-abc"]);
        var lines = ReportScenario.PdfLines(abc);

        var pages = ReportScenario.PdfPages(abc);
        Assert.True(pages >= 2, $"{pages} pages");
        Assert.Equal(pages, lines.Count(l => l.StartsWith("# Cliente Celular Pontos", StringComparison.Ordinal)));
        Assert.Contains($"Página {pages} de {pages}", string.Join("\n", lines), StringComparison.Ordinal);
        Assert.StartsWith("1 Cliente 130", lines.First(l => l.StartsWith("1 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        // The first 100 of the ranking, then how many more and where the whole ranking is; the classes count everyone.
        Assert.Contains(lines, l => l.StartsWith("100 Cliente 031", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("101 Cliente", StringComparison.Ordinal));
        // Wherever the paragraph wraps (lines joined with a space, as it reads).
        Assert.Contains("… e mais 30 clientes: a lista completa está em Clientes → Exportar clientes (CSV, com a classe de cada cliente).",
            string.Join(" ", lines), StringComparison.Ordinal);
        Assert.Contains("130 clientes · 8.515 pontos ganhos no total", lines);
    }
}
