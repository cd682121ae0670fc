using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Features.Privacy;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Cards;

/// <summary>The customer's card, /c/{token} (docs/customer-card.md), opened the way a customer opens it: no sign-in.</summary>
public sealed class CardTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The card's path as the team's QR page shows it.</summary>
    private static async Task<string> CardPathAsync(OwnerSession owner, Guid customer)
    {
        var page = await owner.Client.GetAsync($"/clientes/{customer}/cartao");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return new Uri(page.Doc.QuerySelector("[data-testid=card-url]")!.TextContent.Trim()).AbsolutePath;
    }

    [Fact]
    public async Task The_card_shows_balance_goal_history_and_every_rule_and_is_never_stored_nor_indexed()
    {
        var owner = await app.SignUpAsync("Sorveteria do Cartão");
        await owner.SetProgramAsync(new Dictionary<string, string>
        {
            ["Goal"] = "100", ["RecognitionText"] = "um sorvete grande", ["PointsExpiryMonths"] = "6", ["MinEarningAmount"] = "5,00",
            ["MaxEarningPurchasesPerDay"] = "2", ["MaxPointsPerPurchase"] = "1000", ["CollectName"] = "true",
        });
        await owner.Client.RegisterPurchaseAsync("11987651111", "40,00", name: "Joana Prado");
        var joana = await owner.CustomerAsync("+5511987651111");
        var path = await CardPathAsync(owner, joana.Id);
        var customer = app.NewClient();

        using var response = await customer.Http.GetAsync(new Uri(path, UriKind.Relative));
        var card = await customer.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.True(card.Shows("Sorveteria do Cartão"));
        Assert.True(card.Shows("Olá, Joana!"));
        Assert.Equal("40", card.Doc.QuerySelector("[data-testid=balance]")!.TextContent.Trim());
        Assert.Equal("Faltam 60 pontos para um sorvete grande.", Page.Normalize(card.Doc.QuerySelector("[data-testid=missing]")!.TextContent).Trim());
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));
        Assert.Equal($"40 pontos vencem em {today.AddMonths(6):dd/MM/yyyy}.", Page.Normalize(card.Doc.QuerySelector("[data-testid=expiry]")!.TextContent).Trim());
        Assert.Contains("+40 pontos", Page.Normalize(card.Doc.QuerySelector("[data-testid=purchases]")!.TextContent), StringComparison.Ordinal);
        var rules = card.Doc.QuerySelectorAll("[data-testid=rules] li").Select(li => Page.Normalize(li.TextContent).Trim()).ToList();
        Assert.Equal(
        [
            "A cada R$ 1,00 em compras você ganha 1 ponto.",
            "Ao juntar 100 pontos, você ganha um sorvete grande.",
            "Os pontos vencem 6 meses depois da compra em que foram ganhos; os mais antigos são usados primeiro.",
            "Compras abaixo de R$ 5,00 não ganham pontos.",
            "Só 2 compras por dia ganham pontos; as outras do mesmo dia ficam registradas, sem pontos.",
            "Uma compra que daria mais de 1.000 pontos não ganha pontos: a equipe confere o valor e, se estiver errado, registra de novo.",
            "Algumas promoções valem só para uma parte dos clientes, sorteada, para a loja medir se a promoção funciona.",
        ], rules);
        // The data held, with the phone masked: enough to recognise, not enough for someone looking over the shoulder.
        Assert.Contains("(11) •••••-1111", card.Doc.QuerySelector("[data-testid=data]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("98765", card.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typo")]
    [InlineData("tampered")]
    [InlineData("other-business")]
    public async Task A_wrong_token_answers_the_same_404_as_a_typo(string how)
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987652222", "40,00");
        var path = await CardPathAsync(owner, (await owner.CustomerAsync("+5511987652222")).Id);
        var token = path["/c/".Length..];
        var other = await app.SignUpAsync("Outra Loja");
        await other.Client.RegisterPurchaseAsync("11987653333", "40,00");
        var otherCustomer = (await other.CustomerAsync("+5511987653333")).Id;
        // Another business's customer with a MAC made for this business: the MAC names the business, so it fails.
        var forged = app.Services.GetRequiredService<Reconhece.Web.Features.Cards.CardLinks>().Token(owner.BusinessId, otherCustomer, 0);
        var wrong = how switch
        {
            "typo" => "/c/abc",
            "tampered" => "/c/" + token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1],
            _ => "/c/" + forged,
        };

        var page = await app.NewClient().GetAsync(wrong);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(page.Shows("Página não encontrada."));
        Assert.DoesNotContain("Outra Loja", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_dies_with_a_new_link_a_phone_correction_a_merge_anonymisation_and_blocking()
    {
        var owner = await app.SignUpAsync();
        var customer = app.NewClient();
        async Task<HttpStatusCode> OpensAsync(string path) => (await customer.GetAsync(path)).Status;
        foreach (var phone in new[] { "11981110001", "11982220002", "11983330003", "11984440004", "11985550005" })
            await owner.Client.RegisterPurchaseAsync(phone, "10,00");
        var ids = new List<Guid>();
        foreach (var phone in new[] { "+5511981110001", "+5511982220002", "+5511983330003", "+5511984440004", "+5511985550005" })
            ids.Add((await owner.CustomerAsync(phone)).Id);
        var paths = new List<string>();
        foreach (var id in ids) paths.Add(await CardPathAsync(owner, id));
        Assert.All(paths, p => Assert.Equal(HttpStatusCode.OK, OpensAsync(p).Result));

        // 1. "Gerar novo link": the old one ends, the new one opens, and the audit says who did it.
        var renewed = await owner.Client.SubmitAsync($"/clientes/{ids[0]}/cartao", new Dictionary<string, string>(), $"/clientes/{ids[0]}/cartao/novo");
        Assert.True(renewed.Shows("Novo link gerado. O link anterior não abre mais."));
        Assert.Equal(HttpStatusCode.NotFound, await OpensAsync(paths[0]));
        Assert.Equal(HttpStatusCode.OK, await OpensAsync(await CardPathAsync(owner, ids[0])));
        Assert.True(await app.InBusinessAsync(owner.BusinessId, db => db.Audit.AnyAsync(a => a.SubjectId == ids[0] && a.Field == "Link do cartão")));
        // 2. A corrected phone: the link sent to the old number ends.
        await owner.Client.SubmitAsync($"/clientes/{ids[1]}/celular", new Dictionary<string, string> { ["phone"] = "11986660006" });
        Assert.Equal(HttpStatusCode.NotFound, await OpensAsync(paths[1]));
        // 3. A merge: the removed record's link ends; the kept one's still opens.
        await owner.Client.PostAsync($"/clientes/{ids[2]}/unir", new Dictionary<string, string> { ["mergedId"] = ids[3].ToString(), ["key"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, await OpensAsync(paths[3]));
        Assert.Equal(HttpStatusCode.OK, await OpensAsync(paths[2]));
        // 4. Anonymising, 5. blocking.
        await owner.Client.PostAsync($"/clientes/{ids[2]}/anonimizar", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, await OpensAsync(paths[2]));
        await owner.Client.PostAsync($"/clientes/{ids[4]}/bloquear", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, await OpensAsync(paths[4]));
    }

    [Fact]
    public async Task Staff_cannot_end_a_link_but_can_show_the_card_after_a_purchase()
    {
        var owner = await app.SignUpAsync();
        var login = await owner.AddStaffAsync();
        var (staff, _) = await app.SignInAsync(login.Email, login.Password);
        var purchase = LoyaltyScenario.PurchaseIdFrom(await staff.RegisterPurchaseAsync("11987654444", "30,00"));
        var customer = (await owner.CustomerAsync("+5511987654444")).Id;

        var qr = await staff.GetAsync($"/compras/{purchase}/cartao");
        var renew = await staff.PostAsync($"/clientes/{customer}/cartao/novo");

        Assert.Equal(HttpStatusCode.OK, qr.Status);
        Assert.NotNull(qr.Doc.QuerySelector("[data-testid=card-qr] svg"));
        Assert.Null(qr.Doc.QuerySelector($"form[action='/clientes/{customer}/cartao/novo']"));
        Assert.Equal(HttpStatusCode.Forbidden, renew.Status);
        var path = new Uri(qr.Doc.QuerySelector("[data-testid=card-url]")!.TextContent.Trim()).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync(path)).Status);
    }

    [Fact]
    public async Task The_customer_stops_messages_on_the_card_once_with_the_same_effect_as_the_teams_opt_out()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "10" });
        await owner.Client.RegisterPurchaseAsync("11987655555", "30,00");
        var id = (await owner.CustomerAsync("+5511987655555")).Id;
        var path = await CardPathAsync(owner, id);
        var customer = app.NewClient();
        Assert.Contains(id.ToString(), (await owner.Client.GetAsync("/acoes?lista=meta")).Doc.Body!.InnerHtml, StringComparison.Ordinal);

        var confirm = await customer.GetAsync(path + "/sem-mensagens");
        Assert.True(confirm.Shows("Confirmar: não quero receber mensagens"));
        Assert.Null((await owner.CustomerAsync("+5511987655555")).ContactOptOutAt); // asking changes nothing
        var done = await customer.SubmitAsync(path + "/sem-mensagens", new Dictionary<string, string>());
        var again = await customer.PostAsync(path + "/sem-mensagens");

        Assert.True(done.Shows("Pronto: a loja não vai mais mandar mensagens para você. Você continua ganhando pontos."), done.Text);
        Assert.NotNull(done.Doc.QuerySelector("[data-testid=opted-out]"));
        Assert.NotNull((await owner.CustomerAsync("+5511987655555")).ContactOptOutAt);
        var events = await app.InBusinessAsync(owner.BusinessId, db => db.ConsentEvents.Where(e => e.CustomerId == id).ToListAsync());
        var only = Assert.Single(events);
        Assert.Equal((true, ContactConsent.ByCard, (Guid?)null), (only.OptedOut, only.How, only.UserId));
        Assert.DoesNotContain(id.ToString(), (await owner.Client.GetAsync("/acoes?lista=meta")).Doc.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.True((await owner.Client.GetAsync($"/clientes/{id}")).Shows(ContactConsent.ByCard));
        Assert.Equal(HttpStatusCode.OK, again.Status);
    }

    [Fact]
    public async Task A_request_made_on_the_card_shows_on_Privacidade_with_its_15_day_deadline_once()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987656666", "30,00", name: "Rita Dados");
        var id = (await owner.CustomerAsync("+5511987656666")).Id;
        var path = await CardPathAsync(owner, id);
        var customer = app.NewClient();
        var key = Guid.NewGuid().ToString();

        var none = await customer.SubmitAsync(path, new Dictionary<string, string>(), path + "/meus-dados");
        var first = await customer.SubmitAsync(path, new Dictionary<string, string> { ["Right"] = ((int)PrivacyRight.Elimination).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Key"] = key }, path + "/meus-dados");
        await customer.SubmitAsync(path, new Dictionary<string, string> { ["Right"] = ((int)PrivacyRight.Elimination).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Key"] = key }, path + "/meus-dados");

        Assert.True(none.Shows("Escolha o que você quer: ver, corrigir ou apagar seus dados."));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")));
        Assert.True(first.Shows($"Pedido registrado. A loja tem até {today.AddDays(15):dd/MM/yyyy} para responder, como manda a LGPD."), first.Text);
        var request = Assert.Single(await app.InBusinessAsync(owner.BusinessId, db => db.PrivacyRequests.ToListAsync()));
        Assert.Equal((PrivacyRight.Elimination, today.AddDays(15), (Guid?)null, PrivacyRequests.ByCardNote), (request.Right, request.DueOn, request.UserId, request.Note));
        Assert.True((await owner.Client.GetAsync("/privacidade")).Shows("Rita Dados"));
    }

    [Fact]
    public async Task A_card_shows_the_promotions_the_counter_would_give_and_never_one_held_out_for_its_control_group()
    {
        var owner = await app.SignUpAsync();
        foreach (var phone in new[] { "11981230001", "11982340002", "11983450003" })
            await owner.Client.RegisterPurchaseAsync(phone, "10,00");
        var (member, control, outside) = ((await owner.CustomerAsync("+5511981230001")).Id, (await owner.CustomerAsync("+5511982340002")).Id,
            (await owner.CustomerAsync("+5511983450003")).Id);
        var promotion = await Promotions.PromotionCounterTests.CreateAsync(owner, "Dobro dos fiéis",
            new() { ["Multiplier"] = "2", ["Audience"] = "classe-a", ["ControlPercent"] = "50" });
        // The draw, made known: one member, one held out, one outside the audience.
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            await db.PromotionMembers.Where(m => m.PromotionId == promotion).ExecuteDeleteAsync();
            db.PromotionMembers.Add(new PromotionMember { PromotionId = promotion, CustomerId = member, IsControl = false });
            db.PromotionMembers.Add(new PromotionMember { PromotionId = promotion, CustomerId = control, IsControl = true });
            return await db.SaveChangesAsync();
        });

        async Task<bool> ShowsAsync(Guid id) => (await app.NewClient().GetAsync(await CardPathAsync(owner, id))).Shows("Dobro dos fiéis");
        var shown = (await ShowsAsync(member), await ShowsAsync(control), await ShowsAsync(outside));
        // The counter agrees: only the member gets the bonus.
        var bonus = new List<string>();
        foreach (var phone in new[] { "11981230001", "11982340002", "11983450003" })
            bonus.Add((await owner.Client.RegisterPurchaseAsync(phone, "10,00")).Doc.QuerySelector("[data-testid=points]")!.TextContent.Trim());

        Assert.Equal((true, false, false), shown);
        Assert.Equal(["+20", "+10", "+10"], bonus);
    }

    [Fact]
    public async Task Each_card_reads_only_its_own_business_even_for_the_same_phone()
    {
        var a = await app.SignUpAsync("Loja A do Cartão");
        var b = await app.SignUpAsync("Loja B do Cartão");
        await a.Client.RegisterPurchaseAsync("11987657777", "40,00");
        await b.Client.RegisterPurchaseAsync("11987657777", "300,00");
        var path = await CardPathAsync(a, (await a.CustomerAsync("+5511987657777")).Id);

        var card = await app.NewClient().GetAsync(path);

        Assert.True(card.Shows("Loja A do Cartão"));
        Assert.DoesNotContain("Loja B do Cartão", card.Text, StringComparison.Ordinal);
        Assert.Equal("40", card.Doc.QuerySelector("[data-testid=balance]")!.TextContent.Trim());
        Assert.DoesNotContain("300", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_card_opened_too_often_in_a_minute_answers_429_in_portuguese()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11987658888", "40,00");
        var path = await CardPathAsync(owner, (await owner.CustomerAsync("+5511987658888")).Id);
        var customer = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++) statuses.Add((await customer.GetAsync(path)).Status);
        var last = await customer.GetAsync(path);

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.Status);
        Assert.True(last.Shows("Muitas tentativas em pouco tempo. Aguarde um minuto e tente de novo."));
    }
}

public sealed class CardAddressLimitTests(CardAddressLimitAppFactory app) : IClassFixture<CardAddressLimitAppFactory>
{
    [Fact]
    public async Task One_address_trying_many_tokens_is_stopped_in_portuguese()
    {
        var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await client.GetAsync($"/c/tentativa-{i}")).Status);
        var last = await client.GetAsync("/c/outra-tentativa");

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.Status);
        Assert.True(last.Shows("Muitas tentativas em pouco tempo. Aguarde um minuto e tente de novo."));
        // Only the cards are limited: the rest of the app answers as before.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/entrar")).Status);
    }
}
