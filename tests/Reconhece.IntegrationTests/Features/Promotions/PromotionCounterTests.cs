using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Promotions;

/// <summary>Promotions at the counter: the bonus beside the base points, the best offer only, reversal, limits, audience and control group.</summary>
public sealed class PromotionCounterTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Creates a promotion through the form (today for a week, every day, everyone unless told).</summary>
    internal static async Task<Guid> CreateAsync(OwnerSession owner, string name, Dictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string> { ["Name"] = name };
        foreach (var (k, v) in fields ?? []) values[k] = v;
        var page = await owner.Client.SubmitAsync("/promocoes/nova", values);
        Assert.True(page.Shows("Promoção criada."), page.FormError + " " + page.Text[..Math.Min(600, page.Text.Length)]);
        return Guid.Parse(page.Url.AbsolutePath.Split('/').Last());
    }

    [Fact]
    public async Task A_doubled_purchase_shows_base_and_bonus_apart_and_the_form_names_the_promotion()
    {
        var owner = await app.SignUpAsync();
        await CreateAsync(owner, "Terça em dobro", new() { ["Multiplier"] = "2", ["Description"] = "Avise o cliente!" });

        var form = await owner.Client.GetAsync("/registrar");
        var result = await owner.Client.RegisterPurchaseAsync("11912345678", "20");

        Assert.Contains("Terça em dobro: Pontos × 2 — Avise o cliente!", form.Doc.QuerySelector("[data-testid=today-promotions]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("+40", result.Doc.QuerySelector("[data-testid=points]")!.TextContent.Trim());
        Assert.Equal("20 da compra + 20 da promoção Terça em dobro", result.Doc.QuerySelector("[data-testid=bonus]")!.TextContent.Trim());
        Assert.Equal("40", result.Doc.QuerySelector("[data-testid=balance]")!.TextContent.Trim());
        var kinds = await app.InBusinessAsync(owner.BusinessId, db => db.Ledger.OrderBy(l => l.Id).Select(l => new { l.Kind, l.Points }).ToListAsync());
        Assert.Equal([(LedgerKind.Earn, 20m), (LedgerKind.PromotionBonus, 20m)], kinds.Select(k => (k.Kind, k.Points)));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task Overlapping_promotions_do_not_add_up_the_best_one_wins()
    {
        var owner = await app.SignUpAsync();
        await CreateAsync(owner, "Mais cinco", new() { ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "5" });
        await CreateAsync(owner, "Dobro", new() { ["Multiplier"] = "2" });
        await CreateAsync(owner, "Acima de cem", new() { ["Benefit"] = "PointsPerReaisAbove", ["StepPoints"] = "3", ["StepAmount"] = "10", ["AboveAmount"] = "100" });

        var small = await owner.Client.RegisterPurchaseAsync("11912345678", "4");
        var big = await owner.Client.RegisterPurchaseAsync("11912345678", "200");

        // R$ 4: ×2 gives 4, +5 gives 5: "Mais cinco" wins. R$ 200: ×2 gives 200, above R$ 100 gives 10 × 3 = 30.
        Assert.Equal("4 da compra + 5 da promoção Mais cinco", small.Doc.QuerySelector("[data-testid=bonus]")!.TextContent.Trim());
        Assert.Equal("200 da compra + 200 da promoção Dobro", big.Doc.QuerySelector("[data-testid=bonus]")!.TextContent.Trim());
        Assert.Equal(4m + 5m + 200m + 200m, (await owner.CustomerAsync("+5511912345678")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task A_reversal_takes_the_bonus_back_and_frees_the_use()
    {
        var owner = await app.SignUpAsync();
        await CreateAsync(owner, "Uma vez", new() { ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "50", ["MaxUsesPerCustomer"] = "1" });
        var wrong = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11912345678", "30"));

        await owner.Client.PostAsync($"/compras/{wrong}/estornar", new Dictionary<string, string> { ["Reason"] = "valor errado" });
        var again = await owner.Client.RegisterPurchaseAsync("11912345678", "20");

        Assert.Equal("20 da compra + 50 da promoção Uma vez", again.Doc.QuerySelector("[data-testid=bonus]")!.TextContent.Trim());
        Assert.Equal(70m, (await owner.CustomerAsync("+5511912345678")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task Limits_hold_under_32_concurrent_purchases_for_one_customer()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["MaxEarningPurchasesPerDay"] = "2" });
        await CreateAsync(owner, "Uma por dia", new() { ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "100", ["MaxUsesPerDay"] = "1" });
        await CreateAsync(owner, "Orçamento curto", new() { ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "7", ["BudgetPoints"] = "14" });

        var pages = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => owner.Client.PostAsync("/registrar", new Dictionary<string, string>
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString(), ["Phone"] = "(21) 99876-5432", ["Amount"] = "10",
        })));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var purchases = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.AsNoTracking().ToListAsync());
        Assert.Equal(32, purchases.Count);
        Assert.Equal(2, purchases.Count(p => p.Points > 0));
        Assert.Equal(30, purchases.Count(p => p.NoEarnReason == NoEarnReason.DailyLimit && p.Points == 0));
        // One of the two earning purchases gets the big bonus (once a day); the other the second-best offer.
        Assert.Equal([7m, 100m], purchases.Where(p => p.BonusPoints > 0).Select(p => p.BonusPoints).Order());
        Assert.Equal(20m + 107m, (await owner.CustomerAsync("+5521998765432")).Balance);
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task A_spent_budget_stops_the_promotion_by_itself()
    {
        var owner = await app.SignUpAsync();
        var id = await CreateAsync(owner, "Até acabar", new() { ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "20", ["BudgetPoints"] = "30" });

        var first = await owner.Client.RegisterPurchaseAsync("11912345678", "10");
        var second = await owner.Client.RegisterPurchaseAsync("21987650000", "10");

        Assert.NotNull(first.Doc.QuerySelector("[data-testid=bonus]"));
        Assert.Equal("+10", second.Doc.QuerySelector("[data-testid=points]")!.TextContent.Trim());
        Assert.Null(second.Doc.QuerySelector("[data-testid=bonus]"));
        Assert.Equal(20m, await app.InBusinessAsync(owner.BusinessId, db => db.Promotions.Where(p => p.Id == id).Select(p => p.BonusGranted).SingleAsync()));
    }

    [Fact]
    public async Task The_control_group_gets_no_bonus_and_no_contact_and_the_audience_gets_the_bonus()
    {
        var owner = await app.SignUpAsync();
        // Twenty new customers ("Novos" in Ações), then a promotion for that list with half held out.
        var phones = Enumerable.Range(0, 20).Select(i => $"119{i + 10:00}00{i + 10:00}00").ToList();
        foreach (var phone in phones) await owner.Client.RegisterPurchaseAsync(phone, "10", name: "Cliente " + phone[^4..]);
        var id = await CreateAsync(owner, "Volte logo", new() { ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "30", ["Audience"] = "novos", ["ControlPercent"] = "50" });
        var members = await app.InBusinessAsync(owner.BusinessId, db => db.PromotionMembers.Where(m => m.PromotionId == id)
            .Join(db.Customers, m => m.CustomerId, c => c.Id, (m, c) => new { c.Phone, c.Name, m.IsControl }).ToListAsync());
        var control = members.First(m => m.IsControl);
        var treated = members.First(m => !m.IsControl);

        var controlBuys = await owner.Client.RegisterPurchaseAsync(control.Phone, "10");
        var treatedBuys = await owner.Client.RegisterPurchaseAsync(treated.Phone, "10");
        var stranger = await owner.Client.RegisterPurchaseAsync("31987650000", "10");
        var agenda = await owner.Client.GetAsync("/acoes?lista=novos");

        Assert.Equal((20, 10), (members.Count, members.Count(m => m.IsControl)));
        Assert.Null(controlBuys.Doc.QuerySelector("[data-testid=bonus]"));
        Assert.Equal("10 da compra + 30 da promoção Volte logo", treatedBuys.Doc.QuerySelector("[data-testid=bonus]")!.TextContent.Trim());
        Assert.Null(stranger.Doc.QuerySelector("[data-testid=bonus]"));
        Assert.DoesNotContain(control.Name!, agenda.Text, StringComparison.Ordinal);
        Assert.Contains(members.First(m => !m.IsControl && m.Phone != treated.Phone).Name!, agenda.Text, StringComparison.Ordinal);
        // Nor in a group invitation to everyone who bought lately.
        var invitation = await owner.Client.SubmitAsync("/acoes/convites", new Dictionary<string, string>
        {
            ["Occasion"] = "Festa", ["OccasionDate"] = "12/12/2027", ["Audience"] = "RecentBuyers", ["RecentDays"] = "30",
        });
        Assert.DoesNotContain(control.Name!, invitation.Text, StringComparison.Ordinal);
        Assert.Contains(treated.Name!, invitation.Text, StringComparison.Ordinal);
        // The customer's data (LGPD art. 18 II) says on which side of the promotion they are.
        var data = await owner.Client.Http.GetStringAsync(new Uri($"/clientes/{(await owner.CustomerAsync(control.Phone)).Id}/dados.json", UriKind.Relative));
        Assert.Contains("\"group\": \"grupo de controle (sem o benefício e sem mensagens)\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_group_is_frozen_once_the_promotion_starts()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "10", name: "Primeira");
        var id = await CreateAsync(owner, "Novos", new() { ["Audience"] = "novos" });
        await owner.Client.RegisterPurchaseAsync("21987650000", "10", name: "Depois");

        var edit = await owner.Client.SubmitAsync($"/promocoes/{id}/editar", new Dictionary<string, string> { ["Name"] = "Novos de novembro" });

        Assert.True(edit.Shows("Promoção salva."), edit.FormError);
        Assert.True(edit.Shows("Novos de novembro"));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.PromotionMembers.CountAsync(m => m.PromotionId == id)));
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        { "Name", "", "Name", "Dê um nome à promoção, ex.: Terça em dobro." },
        { "EndsOn", "2020-01-01", "EndsOn", "O fim precisa ser depois do início." },
        { "StartsOn", "31/02/2027", "StartsOn", "Data inválida. Use dd/mm/aaaa, ex.: 25/12/2026." },
        { "Multiplier", "1", "Multiplier", "O multiplicador precisa ser maior que 1, ex.: 2 para pontos em dobro." },
        { "Multiplier", "0,5", "Multiplier", "O multiplicador precisa ser maior que 1, ex.: 2 para pontos em dobro." },
        { "MinAmount", "-10", "MinAmount", "Informe um número maior que zero, ex.: 10." },
        { "OwnerCost", "-300", "OwnerCost", "Informe um valor de zero para cima, ex.: 150,00." },
        { "MaxUsesPerDay", "0", "MaxUsesPerDay", "Informe um número inteiro de 1 a 100, ou deixe em branco." },
        { "ControlPercent", "80", "ControlPercent", "O grupo de controle vai de 0% a 50% do público." },
        { "Audience", "vizinhos", "Audience", "Escolha para quem é a promoção." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_pt_br_message_and_creates_nothing(string field, string value, string errorField, string message)
    {
        var owner = await app.SignUpAsync();
        var fields = new Dictionary<string, string> { ["Name"] = "Promoção", [field] = value };
        if (field == "ControlPercent") fields["Audience"] = "novos";

        var page = await owner.Client.SubmitAsync("/promocoes/nova", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains(message, page.Text, StringComparison.Ordinal);
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Promotions.CountAsync()));
        _ = errorField;
    }

    [Fact]
    public async Task A_double_tapped_create_makes_one_promotion()
    {
        var owner = await app.SignUpAsync();
        var form = await owner.Client.GetAsync("/promocoes/nova");
        var fields = form.Doc.QuerySelectorAll("form[action='/promocoes/nova'] input").OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type is not "checkbox" and not "radio" || i.IsChecked))
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
        fields["Name"] = "Dobro";

        var pages = await Task.WhenAll(owner.Client.PostAsync("/promocoes/nova", fields), owner.Client.PostAsync("/promocoes/nova", fields));

        Assert.All(pages, p => Assert.NotEqual(HttpStatusCode.InternalServerError, p.Status));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Promotions.CountAsync()));
    }
}
