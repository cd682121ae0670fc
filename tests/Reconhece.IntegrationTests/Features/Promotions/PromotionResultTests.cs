using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Promotions;

/// <summary>
/// "Valeu a pena?" with constructed numbers: purchases and groups are written straight into the database at
/// chosen times, so every figure on the result page is known in advance (../shared/DOMAIN.md gives the formulas).
/// The promotion runs Monday 01/06/2026 to Sunday 07/06/2026; its 4 baseline weeks are the 4 weeks before.
/// </summary>
public sealed class PromotionResultTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly DateTimeOffset BeforeStart = new(2026, 5, 31, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterEnd = new(2026, 6, 10, 15, 0, 0, TimeSpan.Zero);
    /// <summary>Wednesday noon in São Paulo of the promotion's week (0) and of the 4 weeks before (1–4).</summary>
    private static DateTime Wednesday(int weeksBack) => new DateTime(2026, 6, 3, 15, 0, 0, DateTimeKind.Utc).AddDays(-7 * weeksBack);

    private async Task<(OwnerSession Owner, Guid Promotion)> PromotionAsync(Dictionary<string, string> fields)
    {
        app.Clock.Now = BeforeStart;
        var owner = await app.SignUpAsync();
        fields["StartsOn"] = "01/06/2026";
        fields["EndsOn"] = "07/06/2026";
        fields.TryAdd("Benefit", "ExtraPoints");
        fields.TryAdd("ExtraPoints", "10");
        return (owner, await PromotionCounterTests.CreateAsync(owner, "Semana do sorvete", fields));
    }

    /// <summary>Customers who each buy once at the given time; returns their ids.</summary>
    private static Task<List<Guid>> BuyersAsync(OwnerSession owner, string prefix, int count, DateTime? at, decimal amount, bool firstPurchase = true) =>
        owner.App.InBusinessAsync(owner.BusinessId, async db =>
        {
            var user = await db.Users.Select(u => u.Id).FirstAsync();
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var customer = new Customer { Id = Guid.CreateVersion7(), Phone = $"+55{prefix}9{i:00000000}", CreatedAt = at ?? Wednesday(6) };
                db.Customers.Add(customer);
                ids.Add(customer.Id);
                if (at is { } when)
                    db.Purchases.Add(new Purchase
                    {
                        Id = Guid.CreateVersion7(), CustomerId = customer.Id, BranchId = owner.BranchId, UserId = user, Amount = amount,
                        Points = amount, At = when, IdempotencyKey = Guid.NewGuid(), WasNewCustomer = firstPurchase,
                    });
            }
            await db.SaveChangesAsync();
            return ids;
        });

    private async Task<Page> ResultAsync(OwnerSession owner, Guid promotion) =>
        await (await app.SignedInAtAsync(owner, AfterEnd)).GetAsync($"/promocoes/{promotion}");

    private static string Text(Page page, string id) => Page.Normalize(page.Doc.QuerySelector($"[data-testid={id}]")?.TextContent).Trim();

    /// <summary>10 new customers a week at R$ 100 each in the 4 weeks before (R$ 1.000 a week); 20 at R$ 95 in the promotion's week (R$ 1.900).</summary>
    private static async Task UsualWeeksThenABusyOneAsync(OwnerSession owner)
    {
        for (var week = 1; week <= 4; week++) await BuyersAsync(owner, $"1{week}", 10, Wednesday(week), 100m);
        await BuyersAsync(owner, "21", 20, Wednesday(0), 95m);
    }

    [Fact]
    public async Task Without_a_control_group_the_page_compares_over_time_with_the_margin_and_never_declares_a_verdict()
    {
        var (owner, promotion) = await PromotionAsync(new() { ["OwnerCost"] = "300,00" });
        await owner.SetProgramAsync(new Dictionary<string, string> { ["GrossMarginPercent"] = "30" });
        await UsualWeeksThenABusyOneAsync(owner);

        var page = await ResultAsync(owner, promotion);

        Assert.Equal("+10 (+100%)", Text(page, "new-change"));
        Assert.Equal("+R$ 900,00", Text(page, "revenue-change"));
        // R$ 900 more revenue is R$ 270 of margin at 30%: less the R$ 300 spent, about −R$ 30. Revenue counted as
        // profit would have said "Valeu a pena: +R$ 600,00".
        Assert.Equal("Sem grupo de controle, não há veredito: só a comparação no tempo.", Text(page, "verdict"));
        Assert.Equal("+R$ 900,00 de faturamento a mais (durante − média antes) × 30% de margem = +R$ 270,00; − R$ 0,00 em pontos de bônus − R$ 300,00 de custo próprio = −R$ 30,00",
            Text(page, "formula"));
        Assert.False(page.Shows("Valeu a pena:"));
        Assert.True(page.Shows("não com um grupo de controle"));
    }

    [Fact]
    public async Task Without_the_margin_the_page_says_revenue_is_not_profit_and_gives_no_figure_in_reais()
    {
        var (owner, promotion) = await PromotionAsync(new() { ["OwnerCost"] = "300,00" });
        await UsualWeeksThenABusyOneAsync(owner);

        var page = await ResultAsync(owner, promotion);

        Assert.Equal("Sem veredito em R$: faturamento não é lucro.", Text(page, "verdict"));
        Assert.Null(page.Doc.QuerySelector("[data-testid=formula]"));
        Assert.NotNull(page.Doc.QuerySelector("[data-testid=verdict-why] a[href='/programa']"));
    }

    [Fact]
    public async Task A_business_without_sales_in_the_earlier_weeks_has_no_base_for_comparison()
    {
        var (owner, promotion) = await PromotionAsync(new() { ["OwnerCost"] = "10,00" });
        await owner.SetProgramAsync(new Dictionary<string, string> { ["GrossMarginPercent"] = "30" });
        // Sales in only 2 of the 4 earlier weeks, then the promotion's week.
        await BuyersAsync(owner, "11", 10, Wednesday(1), 100m);
        await BuyersAsync(owner, "12", 10, Wednesday(2), 100m);
        await BuyersAsync(owner, "21", 20, Wednesday(0), 95m);

        var page = await ResultAsync(owner, promotion);

        Assert.Equal("Sem base de comparação: faltam vendas nos 4 períodos anteriores.", Text(page, "verdict"));
        Assert.Equal(("—", "—"), (Text(page, "revenue-change"), Text(page, "new-change")));
        Assert.Null(page.Doc.QuerySelector("[data-testid=formula]"));
        Assert.False(page.Shows("Valeu a pena:"));
    }

    [Fact]
    public async Task A_promotion_created_after_its_start_counts_sales_only_from_its_creation()
    {
        // Created on Wednesday 03/06 at 12:00 in São Paulo for "today": the morning's R$ 500 was not its doing.
        var owner = await app.SignUpAsync();
        var morning = new DateTime(2026, 6, 3, 12, 0, 0, DateTimeKind.Utc);   // 09:00 local
        var afternoon = new DateTime(2026, 6, 3, 18, 0, 0, DateTimeKind.Utc); // 15:00 local
        await BuyersAsync(owner, "41", 5, morning, 100m);
        await BuyersAsync(owner, "42", 2, afternoon, 40m);
        app.Clock.Now = new DateTimeOffset(2026, 6, 3, 15, 0, 0, TimeSpan.Zero);
        var client = (await app.SignInAsync(owner.Email, owner.Password)).Client;
        var created = await client.SubmitAsync("/promocoes/nova", new Dictionary<string, string>
        {
            ["Name"] = "Quarta relâmpago", ["StartsOn"] = "03/06/2026", ["EndsOn"] = "03/06/2026", ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "10",
        });
        Assert.True(created.Shows("Promoção criada."), created.FormError);
        var promotion = Guid.Parse(created.Url.AbsolutePath.Split('/').Last());

        var page = await ResultAsync(owner, promotion);

        Assert.Equal("R$ 80,00", Text(page, "during-revenue"));
        Assert.Contains("criada em 03/06/2026 12:00", Text(page, "real-start"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_promotion_that_cost_more_than_it_brought_says_so()
    {
        var (owner, promotion) = await PromotionAsync(new() { ["Audience"] = "classe-a", ["ControlPercent"] = "50", ["OwnerCost"] = "400,00" });
        await owner.SetProgramAsync(new Dictionary<string, string> { ["GrossMarginPercent"] = "30" });
        await FortyAgainstTwentyAsync(owner, promotion);

        var page = await ResultAsync(owner, promotion);

        // (R$ 20 − R$ 10 per customer) × 100 = R$ 1.000 more revenue; at 30%, R$ 300 of margin, less R$ 400.
        Assert.Equal("Não se pagou: −R$ 100,00", Text(page, "verdict"));
    }

    [Fact]
    public async Task The_bonus_is_counted_at_the_cost_of_a_point()
    {
        var (owner, promotion) = await PromotionAsync(new() { ["OwnerCost"] = "0" });
        // A reward worth R$ 25,00 at a goal of 500 points: a point costs R$ 0,05.
        await owner.SetProgramAsync(new Dictionary<string, string> { ["RewardValue"] = "25,00", ["Goal"] = "500" });
        var counter = await app.SignedInAtAsync(owner, Wednesday(0));
        await counter.RegisterPurchaseAsync("11912345678", "40");
        await counter.RegisterPurchaseAsync("21987650000", "60");

        var page = await ResultAsync(owner, promotion);

        Assert.Equal(("2", "2"), (Text(page, "uses"), Text(page, "participants")));
        Assert.Equal("20 pontos de bônus, que valem R$ 1,00 ao custo do ponto", Text(page, "bonus"));
    }

    /// <summary>100 in the audience, 100 held out; 40 and 20 of them buy R$ 50 during the promotion.</summary>
    private static async Task FortyAgainstTwentyAsync(OwnerSession owner, Guid promotion)
    {
        var audience = await BuyersAsync(owner, "31", 100, null, 0m);
        var control = await BuyersAsync(owner, "32", 100, null, 0m);
        await SetMembersAsync(owner, promotion, audience, control);
        await BuyAsync(owner, audience.Take(40), control.Take(20), 50m);
    }

    [Fact]
    public async Task An_audience_returning_at_40_percent_against_a_control_at_20_opens_with_a_plain_line_then_the_interval()
    {
        var (owner, promotion) = await PromotionAsync(new() { ["Audience"] = "classe-a", ["ControlPercent"] = "50" });
        await owner.SetProgramAsync(new Dictionary<string, string> { ["GrossMarginPercent"] = "30" });
        await FortyAgainstTwentyAsync(owner, promotion);

        var page = await ResultAsync(owner, promotion);

        Assert.Equal(("40,0%", "20,0%"), (Text(page, "audience-rate"), Text(page, "control-rate")));
        Assert.Equal("De cada 10 clientes do público, 2 a mais voltaram, comparando com o grupo de controle.", Text(page, "plain-lift"));
        // The plain line comes before any interval.
        Assert.True(page.Text.IndexOf("De cada 10", StringComparison.Ordinal) < page.Text.IndexOf("IC 95%", StringComparison.Ordinal));
        // Newcombe–Wilson: d = 0,20; Wilson(40/100) = [0,3094; 0,4980], Wilson(20/100) = [0,1333; 0,2888].
        Assert.Equal("Volta: +20,0 p.p. (IC 95%: +7,3 a +31,9 p.p.)", Text(page, "return-lift"));
        // The statistics sit behind "Como calculamos"; the plain sentence is what shows (issue 22).
        Assert.Equal("Como calculamos", page.Doc.QuerySelector("[data-testid=return-lift]")!.Closest("details")!.QuerySelector("summary")!.TextContent);
        Assert.StartsWith("Faturamento por cliente: +R$ 10,00 (IC 95%:", Text(page, "revenue-lift"), StringComparison.Ordinal);
        Assert.Null(page.Doc.QuerySelector("[data-testid=too-small]"));
        Assert.True(page.Shows("a diferença é real"));
        // (R$ 20,00 − R$ 10,00 per customer) × 100 customers, at a 30% margin.
        Assert.Equal("Valeu a pena: +R$ 300,00", Text(page, "verdict"));
        Assert.StartsWith("+R$ 1.000,00 de faturamento a mais (público × controle, por cliente, vezes o público) × 30% de margem = +R$ 300,00",
            Text(page, "formula"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Small_groups_are_told_they_cannot_conclude()
    {
        var (owner, promotion) = await PromotionAsync(new() { ["Audience"] = "classe-a", ["ControlPercent"] = "50" });
        var audience = await BuyersAsync(owner, "31", 10, null, 0m);
        var control = await BuyersAsync(owner, "32", 10, null, 0m);
        await SetMembersAsync(owner, promotion, audience, control);
        await BuyAsync(owner, audience.Take(4), control.Take(2), 50m);

        var page = await ResultAsync(owner, promotion);

        Assert.StartsWith("Grupos pequenos demais para concluir", Text(page, "too-small"), StringComparison.Ordinal);
        Assert.Equal("Ainda sem veredito: os grupos são pequenos demais para concluir.", Text(page, "verdict"));
        Assert.Null(page.Doc.QuerySelector("[data-testid=formula]"));
    }

    /// <summary>The drawn groups replaced by constructed ones.</summary>
    private static Task<int> SetMembersAsync(OwnerSession owner, Guid promotion, List<Guid> audience, List<Guid> control) =>
        owner.App.InBusinessAsync(owner.BusinessId, async db =>
        {
            await db.PromotionMembers.Where(m => m.PromotionId == promotion).ExecuteDeleteAsync();
            db.PromotionMembers.AddRange(audience.Select(c => new PromotionMember { PromotionId = promotion, CustomerId = c }));
            db.PromotionMembers.AddRange(control.Select(c => new PromotionMember { PromotionId = promotion, CustomerId = c, IsControl = true }));
            return await db.SaveChangesAsync();
        });

    private static Task<int> BuyAsync(OwnerSession owner, IEnumerable<Guid> audience, IEnumerable<Guid> control, decimal amount) =>
        owner.App.InBusinessAsync(owner.BusinessId, async db =>
        {
            var user = await db.Users.Select(u => u.Id).FirstAsync();
            foreach (var c in audience.Concat(control))
                db.Purchases.Add(new Purchase
                {
                    Id = Guid.CreateVersion7(), CustomerId = c, BranchId = owner.BranchId, UserId = user, Amount = amount, Points = amount,
                    At = Wednesday(0), IdempotencyKey = Guid.NewGuid(),
                });
            return await db.SaveChangesAsync();
        });
}
