using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.History;
using Xunit;

namespace Reconhece.IntegrationTests.Features.History;

/// <summary>
/// Painel → Histórico against 13 months of seeded purchases (two branches, some reversed): every monthly
/// figure on the page equals an independent SQL count written here, and the branch filter gives that
/// branch's totals.
/// </summary>
public sealed class HistoryTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    private sealed record MonthRow(string Month, long NewCustomers, long Purchases, decimal Revenue, long Buyers, long Returning);

    private async Task<(OwnerSession Owner, Guid Second)> SeededAsync()
    {
        app.Clock.Now = Now;
        var owner = await app.SignUpAsync();
        await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Praia" });
        var second = await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Name == "Praia").Select(b => b.Id).SingleAsync());
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var user = await db.Users.Select(u => u.Id).FirstAsync();
            var random = new Random(42);
            var start = new DateTime(2025, 11, 1, 12, 0, 0, DateTimeKind.Utc);
            for (var c = 0; c < 80; c++)
            {
                var customer = new Customer { Id = Guid.CreateVersion7(), Phone = $"+55119{c:00000000}", CreatedAt = start };
                var times = Enumerable.Range(0, random.Next(1, 12)).Select(_ => start.AddHours(random.Next(0, 385 * 24))).Where(t => t < Now.UtcDateTime).Order().ToList();
                if (times.Count == 0) continue;
                db.Customers.Add(customer);
                var first = true;
                foreach (var at in times)
                {
                    var reversed = random.Next(10) == 0;
                    db.Purchases.Add(new Purchase
                    {
                        Id = Guid.CreateVersion7(), CustomerId = customer.Id, BranchId = random.Next(3) == 0 ? second : owner.BranchId, UserId = user,
                        Amount = random.Next(500, 30000) / 100m, Points = 1, At = at, IdempotencyKey = Guid.NewGuid(), WasNewCustomer = first,
                        ReversedAt = reversed ? at.AddHours(1) : null,
                    });
                    first = false;
                    if (!reversed) customer.FirstPurchaseAt ??= at;
                }
            }
            return await db.SaveChangesAsync();
        });
        return (owner, second);
    }

    /// <summary>The same figures, counted here by month in São Paulo with date_trunc.</summary>
    private Task<List<MonthRow>> ExpectedAsync(Guid business, Guid? branch) => app.AsAdminAsync(db => db.Database.SqlQuery<MonthRow>($"""
        SELECT to_char(date_trunc('month', x.at AT TIME ZONE 'America/Sao_Paulo'), 'YYYY-MM') AS month,
               count(*) FILTER (WHERE x.was_new_customer) AS new_customers, count(*) AS purchases, sum(x.amount) AS revenue,
               count(DISTINCT x.customer_id) AS buyers,
               count(DISTINCT x.customer_id) FILTER (WHERE c.first_purchase_at < date_trunc('month', x.at AT TIME ZONE 'America/Sao_Paulo') AT TIME ZONE 'America/Sao_Paulo') AS returning
        FROM purchases x JOIN customers c ON c.id = x.customer_id
        WHERE x.business_id = {business} AND x.reversed_at IS NULL AND ({branch}::uuid IS NULL OR x.branch_id = {branch})
        GROUP BY 1
        """).ToListAsync());

    /// <summary>The page's table for one metric: "2026-11" → the cell's text.</summary>
    private static Dictionary<string, string> Table(Page page, string metric) =>
        page.Doc.QuerySelectorAll($"[data-testid=table-{metric}] tbody tr").ToDictionary(
            r => DateTime.ParseExact(r.Children[0].TextContent.Trim(), "MMMM 'de' yyyy", PtBr).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            r => Page.Normalize(r.Children[1].TextContent).Trim());

    [Fact]
    public async Task Every_monthly_figure_equals_an_independent_count_and_the_branch_filter_gives_that_branch()
    {
        var (owner, second) = await SeededAsync();
        await AssertEveryMonthMatchesAsync(owner, second);
    }

    /// <summary>Every month of the page, for the whole business and for the second branch, against <see cref="ExpectedAsync"/>.</summary>
    private async Task AssertEveryMonthMatchesAsync(OwnerSession owner, Guid second)
    {
        foreach (var branch in new Guid?[] { null, second })
        {
            var page = await owner.Client.GetAsync("/painel/historico" + (branch is { } b ? $"?branchId={b}" : ""));
            var expected = (await ExpectedAsync(owner.BusinessId, branch)).ToDictionary(r => r.Month);
            var months = Enumerable.Range(0, 12).Select(i => new DateTime(2026, 11, 1).AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();

            Assert.Equal(months.Order(), Table(page, "novos").Keys.Order());
            foreach (var m in months)
            {
                var e = expected.GetValueOrDefault(m) ?? new MonthRow(m, 0, 0, 0, 0, 0);
                Assert.Equal(e.NewCustomers.ToString(PtBr), Table(page, "novos")[m]);
                Assert.Equal(e.Purchases.ToString(PtBr), Table(page, "compras")[m]);
                Assert.Equal(e.Revenue.ToString("C2", PtBr).Replace('\u00A0', ' '), Table(page, "faturamento")[m]);
                Assert.Equal(e.Returning.ToString(PtBr), Table(page, "voltaram")[m]);
                Assert.Equal(e.Buyers == 0 ? "0" : Math.Round((decimal)e.Purchases / e.Buyers, 2).ToString("0.##", PtBr), Table(page, "visitas")[m]);
                Assert.Equal(e.Purchases == 0 ? "R$ 0,00" : Math.Round(e.Revenue / e.Purchases, 2).ToString("C2", PtBr).Replace('\u00A0', ' '), Table(page, "ticket-medio")[m]);
            }
            Assert.True(expected.Values.Where(r => months.Contains(r.Month)).Sum(r => r.Purchases) > 50, "the seed made too few purchases to mean anything");
        }
    }

    [Fact]
    public async Task Stored_days_stay_true_after_a_reversal_of_an_old_purchase_a_merge_and_a_purchase_today()
    {
        var (owner, second) = await SeededAsync();
        // The nightly job sums the closed days; a second run finds nothing to do.
        await app.InScopeAsync<FillHistoryDays, int>(async job => { await job.RunAsync(); await job.RunAsync(); return 0; });
        var filled = await app.InBusinessAsync(owner.BusinessId, db => db.HistoryDays.CountAsync());
        await AssertEveryMonthMatchesAsync(owner, second);
        var stored = await app.InBusinessAsync(owner.BusinessId, db => db.HistoryDays.CountAsync());
        var through = await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.HistoryThrough).SingleAsync());

        Assert.Equal(new DateOnly(2026, 11, 20), through);
        Assert.True(stored > 100, $"{stored} stored days");
        Assert.Equal(filled, stored);

        // An October purchase reversed: that day and the ones after are summed again.
        var old = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases
            .Where(p => p.ReversedAt == null && p.At >= new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc) && p.At < new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc))
            .OrderBy(p => p.At).Select(p => p.Id).FirstAsync());
        var reversed = await owner.Client.SubmitAsync($"/compras/{old}", new Dictionary<string, string> { ["reason"] = "Digitado errado" }, $"/compras/{old}/estornar");
        Assert.NotEqual(HttpStatusCode.InternalServerError, reversed.Status);
        Assert.True(await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.AnyAsync(p => p.Id == old && p.ReversedAt != null)));
        await AssertEveryMonthMatchesAsync(owner, second);

        // The two newest customers made one: who is new and who returned changes from the earlier first purchase on.
        var pair = await app.InBusinessAsync(owner.BusinessId, db => db.Customers.Where(c => c.FirstPurchaseAt != null)
            .OrderByDescending(c => c.FirstPurchaseAt).Select(c => c.Id).Take(2).ToListAsync());
        var merged = await owner.Client.PostAsync($"/clientes/{pair[1]}/unir", new Dictionary<string, string> { ["mergedId"] = pair[0].ToString(), ["key"] = Guid.NewGuid().ToString() });
        Assert.NotEqual(HttpStatusCode.InternalServerError, merged.Status);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync(c => pair.Contains(c.Id) && c.FirstPurchaseAt != null)));
        await AssertEveryMonthMatchesAsync(owner, second);

        // A purchase now counts at once (today is summed live, never stored).
        await owner.Client.RegisterPurchaseAsync("21987650000", "123,45", name: "Hoje");
        await AssertEveryMonthMatchesAsync(owner, second);
        Assert.False(await app.InBusinessAsync(owner.BusinessId, db => db.HistoryDays.AnyAsync(d => d.Day == new DateOnly(2026, 11, 20))));
    }

    [Fact]
    public async Task The_page_is_light_works_without_javascript_and_only_the_owner_sees_it()
    {
        var (owner, _) = await SeededAsync();
        var staff = await owner.AddStaffAsync("Pessoa do Caixa");

        using var response = await owner.Client.Http.GetAsync(new Uri("/painel/historico?por=semana", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var csv = await owner.Client.Http.GetStringAsync(new Uri("/painel/historico/faturamento.csv", UriKind.Relative));
        var foreign = await (await app.SignUpAsync("Outra Loja")).Client.GetAsync($"/painel/historico?branchId={owner.BranchId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(html.Length < 60 * 1024, $"{html.Length} bytes");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"c-faturamento-t\">Faturamento, por semana</title>", html, StringComparison.Ordinal);
        Assert.StartsWith("Mês;Faturamento", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(13, csv.Trim().Split('\n').Length);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(staff.Email, staff.Password)).Client.GetAsync("/painel/historico")).Status);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
    }

    [Fact]
    public async Task Recognitions_show_their_cost_and_what_was_spent_on_the_visit()
    {
        app.Clock.Now = Now;
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["RewardValue"] = "25,00" });
        await owner.Client.RegisterPurchaseAsync("11912345678", "130");
        await owner.Client.RegisterPurchaseAsync("21987650000", "100");
        await owner.Client.SubmitAsync($"/reconhecimento/{(await owner.CustomerAsync("+5511912345678")).Id}", new Dictionary<string, string>());

        var page = await owner.Client.GetAsync("/painel/historico");

        Assert.Equal("novembro de 2026: 1 reconhecimento · R$ 25,00 (10,9% do faturamento) Nas visitas do brinde, os clientes gastaram R$ 130,00.",
            string.Join(' ', Page.Normalize(page.Doc.QuerySelector("[data-testid=recognition-cost]")!.TextContent).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }
}
