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
        Assert.Equal(["clientes-inativos", "curva-abc", "meta-atingida", "novos-clientes", "sua-semana"], links.Keys.Order());
        var pdfs = new Dictionary<string, byte[]>();
        foreach (var (slug, url) in links)
        {
            pdfs[slug] = await owner.Client.DownloadAsync(url);
            ReportScenario.SaveArtefact(pdfs[slug], slug);
        }

        var period = $"Semana de {lastWeek:dd/MM/yyyy} a {lastWeek.AddDays(6):dd/MM/yyyy}";
        // Every PDF is phone-shaped (105 × 210 mm) with no letter under 11 pt: read on a phone without pinching.
        foreach (var (slug, bytes) in pdfs)
        {
            var (smallest, sizes) = ReportScenario.PdfGeometry(bytes);
            Assert.True(smallest >= 11, $"{slug}: a letter at {smallest} pt");
            Assert.All(sizes, s => Assert.Equal((297.6, 595.3), (Math.Round(s.Width, 1), Math.Round(s.Height, 1))));
        }
        var abc = ReportScenario.PdfLines(pdfs["curva-abc"]);
        var abcText = ReportScenario.PdfText(pdfs["curva-abc"]);
        Assert.Contains("Sorveteria São João", abc);
        Assert.Contains(period, abc);
        // The zone in words, not its id (issue 22).
        Assert.Contains("(horário de Brasília)", abcText, StringComparison.Ordinal);
        Assert.DoesNotContain("America/", abcText, StringComparison.Ordinal);
        Assert.Contains(abc, l => l.EndsWith("Página 1 de " + ReportScenario.PdfPages(pdfs["curva-abc"]), StringComparison.Ordinal));
        var rows = ReportScenario.PdfRecords(pdfs["curva-abc"], ReportScenario.CustomerHeading);
        Assert.Equal(5, rows.Count);
        Assert.StartsWith("1º Élson Araújo (11) 98111-0005 Pontos: 1.234", rows[0], StringComparison.Ordinal);
        Assert.Contains("Gasto total: R$ 1.234,56", rows[0], StringComparison.Ordinal);
        Assert.Contains("Última compra: " + lastWeek.AddDays(-60).ToString("dd/MM/yyyy", Web.Features.Shared.Format.PtBr), rows[0], StringComparison.Ordinal);
        Assert.StartsWith("2º Ana Júlia", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("3º Conceição", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("4º João", rows[3], StringComparison.Ordinal);
        Assert.StartsWith("5º Zé", rows[4], StringComparison.Ordinal);
        // 2.204 points: Élson and Ana make 83%; Conceição starts at 83% (B); João at 97% (C). Each class named in words.
        Assert.Equal(["Principais (A)", "Principais (A)", "Intermediários (B)", "Ocasionais (C)", "Ocasionais (C)"],
            rows.Select(r => System.Text.RegularExpressions.Regex.Match(r, @"Grupo: (\w+ \(\w\))").Groups[1].Value));
        Assert.Contains("5 clientes · 2.204 pontos ganhos no total", abc);
        Assert.Contains("Principais (classe A, juntos somam até 80% dos pontos): 2 clientes (40,0% dos clientes), 1.834 pontos (83,2% dos pontos)", abcText, StringComparison.Ordinal);
        // The 12-month points: Élson's purchase is inside the last year too.
        Assert.Contains("Últimos 12 meses: 1.234", rows[0], StringComparison.Ordinal);

        var goal = ReportScenario.PdfLines(pdfs["meta-atingida"]);
        var eligible = ReportScenario.PdfRecords(pdfs["meta-atingida"], ReportScenario.CustomerHeading);
        Assert.Equal(2, eligible.Count);
        // First who reached the goal in the reported week, then who waits from before.
        var (reachedHeading, waitingHeading) = (goal.IndexOf("Atingiram a meta nesta semana"), goal.FindIndex(l => l.StartsWith("Ainda esperam o reconhecimento", StringComparison.Ordinal)));
        Assert.True(reachedHeading >= 0 && waitingHeading > reachedHeading, string.Join("\n", goal));
        Assert.StartsWith("Ana Júlia (11) 98111-0001", eligible[0], StringComparison.Ordinal);
        Assert.InRange(goal.FindIndex(l => eligible[0].StartsWith(l, StringComparison.Ordinal)), reachedHeading, waitingHeading);
        Assert.StartsWith("Élson Araújo (11) 98111-0005", eligible[1], StringComparison.Ordinal);
        Assert.True(goal.FindIndex(l => eligible[1].StartsWith(l, StringComparison.Ordinal)) > waitingHeading);
        Assert.Contains("2 clientes esperam o brinde agora: 1 atingiu a meta nesta semana, 1 em outra semana.", ReportScenario.PdfText(pdfs["meta-atingida"]), StringComparison.Ordinal);

        var fresh = ReportScenario.PdfLines(pdfs["novos-clientes"]);
        var newRows = ReportScenario.PdfRecords(pdfs["novos-clientes"], ReportScenario.CustomerHeading);
        Assert.Equal(["Ana Júlia", "Conceição", "João", "Zé"], newRows.Select(r => r[..r.IndexOf(" (11)", StringComparison.Ordinal)]));
        Assert.Contains("Compra: R$ 600,00", newRows[0], StringComparison.Ordinal);
        Assert.Contains($"Primeira compra: {lastWeek.AddDays(2):dd/MM/yyyy} 10:00", newRows[0], StringComparison.Ordinal);
        Assert.Contains("Filial: Principal", newRows[0], StringComparison.Ordinal);
        Assert.Contains(fresh, l => l.StartsWith("4 novos clientes nesta semana", StringComparison.Ordinal));

        var inactive = ReportScenario.PdfLines(pdfs["clientes-inativos"]);
        var away = ReportScenario.PdfRecords(pdfs["clientes-inativos"], ReportScenario.CustomerHeading);
        Assert.Single(away);
        Assert.StartsWith("Élson Araújo (11) 98111-0005", away[0], StringComparison.Ordinal);
        Assert.Contains("Gasto total: R$ 1.234,56", away[0], StringComparison.Ordinal);
        Assert.Contains("1 cliente sem comprar há mais de 30 dias", inactive);
        // Élson's last purchase was 60 days before the week: inactive for longer, not this week.
        Assert.Contains("Ninguém passou do prazo nesta semana.", inactive);
        Assert.True(inactive.FindIndex(l => away[0].StartsWith(l, StringComparison.Ordinal)) > inactive.IndexOf("Inativos há mais tempo"));
    }

    [Fact]
    public async Task Sua_semana_leads_with_the_weeks_figures_equal_to_independent_SQL_against_the_week_before_and_whom_to_contact()
    {
        var owner = await app.SignUpAsync("Sorveteria Semana");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        var lastWeek = ReportSchedule.LastCompleteWeek(DateTime.UtcNow, ReportScenario.SaoPaulo);
        static string Phone(int i) => $"119{10_000_000 + i * 2_071_723 % 89_999_999:D8}";   // far apart: no near-duplicate question
        try
        {
            // The week before: eleven new customers, two purchases each (22, enough to compare).
            app.Clock.Now = ReportScenario.LocalSp(lastWeek.AddDays(-6), 12);
            for (var i = 0; i < 11; i++)
                for (var k = 0; k < 2; k++) await owner.Client.RegisterPurchaseAsync(Phone(i), "20,00", name: $"Antigo {i:00}");
            // The reported week: ten of them come back, fifteen new ones come, one purchase is reversed.
            app.Clock.Now = ReportScenario.LocalSp(lastWeek.AddDays(2), 10);
            for (var i = 0; i < 10; i++) await owner.Client.RegisterPurchaseAsync(Phone(i), "30,00");
            Guid reversed = default;
            for (var i = 20; i < 35; i++) reversed = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync(Phone(i), "25,00", name: $"Novo {i}"));
            Assert.True((await owner.Client.PostAsync($"/compras/{reversed}/estornar", new Dictionary<string, string> { ["Reason"] = "teste" })).Shows("Compra estornada."));
            // Two reach the goal (40 + 30 + 40 = 110); one of them gets the gift in the same week.
            await owner.Client.RegisterPurchaseAsync(Phone(0), "40,00");
            await owner.Client.RegisterPurchaseAsync(Phone(1), "40,00");
            var gifted = (await owner.CustomerAsync("+55" + Phone(1))).Id;
            Assert.True((await owner.Client.PostAsync($"/clientes/{gifted}/entregar-brinde", new Dictionary<string, string> { ["idempotencyKey"] = Guid.NewGuid().ToString() })).Status == System.Net.HttpStatusCode.OK);
        }
        finally { app.Clock.Now = null; }

        var page = await owner.Client.PressAsync("/relatorios/gerar");
        var links = page.PdfLinks(page.FirstRunId());
        Assert.Equal("sua-semana", links.Keys.First());   // listed first
        var pdf = await owner.Client.DownloadAsync(links["sua-semana"]);
        ReportScenario.SaveArtefact(pdf, "sua-semana");
        Assert.Equal(1, ReportScenario.PdfPages(pdf));
        var lines = ReportScenario.PdfLines(pdf);
        // A figure's line is its label and its value; the line under it, the week before.
        string Under(string label) => lines.Single(l => l.StartsWith(label + " ", StringComparison.Ordinal))[(label.Length + 1)..];
        string Note(string label) => lines[lines.FindIndex(l => l.StartsWith(label + " ", StringComparison.Ordinal)) + 1];

        var week = await WeekAsync(owner, lastWeek);
        var before = await WeekAsync(owner, lastWeek.AddDays(-7));
        Assert.Equal((26, 24, 14, 1), (week.Purchases, week.Customers, week.New, week.Gifts));   // the seed is what the test says
        Assert.Equal(Money(week.Revenue), Under("Vendas registradas"));
        var rise = (100m * (week.Revenue - before.Revenue) / before.Revenue).ToString("0.#", Web.Features.Shared.Format.PtBr);
        Assert.Equal($"semana anterior: {Money(before.Revenue)} (+{rise}%)", Note("Vendas registradas"));
        Assert.Equal($"{week.Purchases} compras", Under("Compras"));
        Assert.Equal($"{week.Customers} clientes", Under("Clientes atendidos"));
        Assert.StartsWith($"{week.New} novos, {week.Customers - week.New} voltaram · semana anterior: {before.Customers}", Note("Clientes atendidos"), StringComparison.Ordinal);
        Assert.Equal(week.New.ToString(Web.Features.Shared.Format.PtBr), Under("Novos clientes"));
        Assert.Equal("1", Under("Chegaram à meta nesta semana"));
        Assert.Contains("Chegaram à meta nesta semana 1 esperam o brinde agora: 1 · brindes entregues: 1 (semana anterior: 0)", ReportScenario.PdfText(pdf), StringComparison.Ordinal);
        // Whom to contact: Início's first three, the one waiting for the gift first, each phone opening WhatsApp.
        var contacts = ReportScenario.PdfRecords(pdf, ReportScenario.CustomerHeading);
        Assert.InRange(contacts.Count, 1, Web.Features.Reports.WeekSummaryReport.Contacts);
        Assert.StartsWith("Antigo 00 ", contacts[0], StringComparison.Ordinal);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(contacts.Count, doc.GetPage(1).GetHyperlinks().Count(h => h.Uri?.Contains("/w/", StringComparison.Ordinal) == true));
    }

    /// <summary>A local week's figures, counted here in SQL of its own.</summary>
    private Task<WeekRow> WeekAsync(OwnerSession owner, DateOnly monday) =>
        app.InBusinessAsync(owner.BusinessId, async db => (await db.Database.SqlQuery<WeekRow>($"""
            SELECT COALESCE(sum(amount), 0) AS revenue, count(*)::int AS purchases, count(DISTINCT customer_id)::int AS customers,
                   count(*) FILTER (WHERE was_new_customer)::int AS new,
                   (SELECT count(*)::int FROM recognitions r WHERE r.business_id = {owner.BusinessId}
                      AND (r.at AT TIME ZONE 'America/Sao_Paulo')::date >= {monday} AND (r.at AT TIME ZONE 'America/Sao_Paulo')::date < {monday.AddDays(7)}) AS gifts
            FROM purchases WHERE business_id = {owner.BusinessId} AND reversed_at IS NULL
              AND (at AT TIME ZONE 'America/Sao_Paulo')::date >= {monday} AND (at AT TIME ZONE 'America/Sao_Paulo')::date < {monday.AddDays(7)}
            """).ToListAsync())[0]);

    private sealed record WeekRow(decimal Revenue, int Purchases, int Customers, int New, int Gifts);

    private static string Money(decimal v) => v.ToString("C2", Web.Features.Shared.Format.PtBr).Replace('\u00A0', ' ');

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

        Assert.Equal(Web.Features.Reports.ReportContext.RowsPerList, ReportScenario.PdfRecords(pdf, ReportScenario.CustomerHeading).Count);
        var text = ReportScenario.PdfText(pdf);
        Assert.Contains("… e mais 3 clientes: a lista completa está na tela Reconhecimento.", text, StringComparison.Ordinal);
        Assert.Contains("43 clientes esperam o brinde agora: 43 atingiram a meta nesta semana, 0 em outras semanas.", text, StringComparison.Ordinal);
        Assert.InRange(ReportScenario.PdfPages(pdf), 1, 6);
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
        var records = ReportScenario.PdfRecords(await owner.Client.DownloadAsync(page.PdfLinks(page.FirstRunId())["novos-clientes"]), ReportScenario.CustomerHeading);

        Assert.Contains(records, r => r.StartsWith("Baco (21) 99111-2222", StringComparison.Ordinal) && r.EndsWith("Compra: R$ 270,00 (3) · Pontos: 30", StringComparison.Ordinal));
        Assert.Contains(records, r => r.StartsWith("Dionísio (21) 99111-3333", StringComparison.Ordinal) && r.EndsWith("Compra: 1 un. · Pontos: 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_business_with_no_customers_gets_a_friendly_one_page_report_of_each_kind()
    {
        var owner = await app.SignUpAsync("Vinhos Vazios");
        var page = await owner.Client.PressAsync("/relatorios/gerar");
        var links = page.PdfLinks(page.FirstRunId());

        Assert.Equal(5, links.Count);
        var abc = await owner.Client.DownloadAsync(links["curva-abc"]);
        var fresh = await owner.Client.DownloadAsync(links["novos-clientes"]);
        Assert.Equal(1, ReportScenario.PdfPages(abc));
        Assert.Contains("Ainda não há clientes com compras registradas.", ReportScenario.PdfText(abc), StringComparison.Ordinal);
        Assert.Contains("Nenhum cliente novo nesta semana.", ReportScenario.PdfText(fresh), StringComparison.Ordinal);
        // An empty week says so plainly, without praise.
        var week = ReportScenario.PdfText(await owner.Client.DownloadAsync(links["sua-semana"]));
        Assert.Contains("Nenhuma compra registrada nesta semana. Na semana anterior também não.", week, StringComparison.Ordinal);
        Assert.DoesNotContain("Vendas registradas", week, StringComparison.Ordinal);
        var inactive = ReportScenario.PdfText(await owner.Client.DownloadAsync(links["clientes-inativos"]));
        Assert.Contains("Ainda não há clientes com compras registradas.", inactive, StringComparison.Ordinal);
        Assert.DoesNotContain("Ótimo", inactive, StringComparison.Ordinal);
        ReportScenario.SaveArtefact(abc, "curva-abc-vazia");
    }

    [Fact]
    public async Task A_long_ranking_paginates_with_the_report_named_on_every_page_and_stops_at_its_cap()
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
        // Every page says which report it is: the title on the first, a reminder line on the others.
        Assert.Equal(pages, lines.Count(l => l == "Melhores clientes"));
        Assert.Contains($"Página {pages} de {pages}", string.Join("\n", lines), StringComparison.Ordinal);
        Assert.StartsWith("1º Cliente 130", lines.First(l => l.StartsWith("1º ", StringComparison.Ordinal)), StringComparison.Ordinal);
        // The first 100 of the ranking, then how many more and where the whole ranking is; the classes count everyone.
        var cap = Web.Features.Reports.AbcReport.Rows;
        Assert.Contains(lines, l => l.StartsWith($"{cap}º Cliente {131 - cap:000}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith($"{cap + 1}º Cliente", StringComparison.Ordinal));
        // Wherever the paragraph wraps (lines joined with a space, as it reads).
        Assert.Contains($"… e mais {130 - cap} clientes: a lista completa está em Clientes → Exportar clientes (CSV, com a classe de cada cliente).",
            string.Join(" ", lines), StringComparison.Ordinal);
        Assert.Contains("130 clientes · 8.515 pontos ganhos no total", lines);
    }
}
