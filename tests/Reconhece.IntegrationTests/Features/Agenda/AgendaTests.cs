using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Agenda;

/// <summary>Ações: the lists, the WhatsApp message, logging contacts, and whether they brought customers back.</summary>
public sealed class AgendaTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly string[] Lists = ["meta", "sumindo", "quase-la", "aniversarios", "novos"];

    [Fact]
    public async Task Sumindo_is_an_absence_unusual_for_the_customer_not_a_fixed_number_of_days()
    {
        var owner = await app.SignUpAsync("Sorveteria Ritmo");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100000", ["InactivityDays"] = "30" });
        var now = DateTimeOffset.UtcNow;
        // Every 7 days, absent for 20: unusual. Every 60 days, absent for 20: as usual.
        await BuyAtAsync(owner, "11987650101", "Semanal Silva", now, -34, -27, -20);
        await BuyAtAsync(owner, "11987650102", "Bimestral Costa", now, -140, -80, -20);
        // Two visits only: the business's 30 days apply. Absent 40 days: in; absent 20 days: out.
        await BuyAtAsync(owner, "11987650103", "Pouco Frequente", now, -60, -40);
        await BuyAtAsync(owner, "11987650104", "Recente Lima", now, -25, -20);

        var fading = await owner.Client.GetAsync("/acoes?lista=sumindo");
        Assert.Contains("Semanal Silva", fading.Text, StringComparison.Ordinal);
        Assert.True(fading.Shows("costuma vir a cada 7 dias"), fading.Text);
        Assert.Contains("Pouco Frequente", fading.Text, StringComparison.Ordinal);
        foreach (var list in Lists)
        {
            var page = await owner.Client.GetAsync($"/acoes?lista={list}");
            Assert.DoesNotContain("Bimestral Costa", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Recente Lima", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_whatsapp_button_carries_the_number_and_the_owners_message_filled_in()
    {
        var owner = await app.SignUpAsync("Adega Mensagem");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["RecognitionText"] = "uma taça de vinho" });
        await owner.Client.RegisterPurchaseAsync("11987650201", "90", name: "Maria Souza");
        var saved = await owner.Client.SubmitAsync("/acoes/configuracoes", new Dictionary<string, string>
        {
            ["NearGoalTemplate"] = "Oi {nome}, faltam {faltam} pontos para {premio} na {negocio}!",
        });
        Assert.True(saved.Shows("Configurações das Ações salvas."), saved.FormError);
        Assert.True(saved.Shows("Prévia: Oi Maria, faltam 10 pontos para uma taça de vinho na Adega Mensagem!"), saved.Text);

        var page = await owner.Client.GetAsync("/acoes?lista=quase-la");
        Assert.True(page.Shows("Faltam 10 pontos para a meta (90 de 100)."), page.Text);
        // "Enviar no WhatsApp" logs the contact and answers with the wa.me link (the test client follows it).
        var form = page.Doc.QuerySelectorAll<IHtmlFormElement>("form[action^='/acoes/contato']").Single();
        var button = form.QuerySelector<IHtmlButtonElement>("button[data-whatsapp]")!;
        Assert.Equal("Enviar no WhatsApp", button.TextContent.Trim());
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").ToDictionary(i => i.Name!, i => i.Value);
        fields[button.Name!] = button.Value;
        var opened = await owner.Client.PostAsync(AppClient.Resolve(button.GetAttribute("formaction")!).PathAndQuery, fields);
        Assert.Equal("https://wa.me/5511987650201?text=Oi Maria, faltam 10 pontos para uma taça de vinho na Adega Mensagem!",
            Uri.UnescapeDataString(opened.Url.AbsoluteUri));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync(c => c.Channel == Reconhece.Web.Domain.ContactChannel.WhatsApp)));
    }

    [Fact]
    public async Task A_double_tapped_contato_feito_logs_one_contact_and_the_customer_leaves_the_agenda()
    {
        var owner = await app.SignUpAsync("Salão Toque Duplo");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        await owner.Client.RegisterPurchaseAsync("11987650301", "120", name: "Joana Duarte");
        var agenda = await owner.Client.GetAsync("/acoes?lista=meta");
        var form = agenda.Doc.QuerySelectorAll<IHtmlFormElement>("form[action^='/acoes/contato']").Single();
        var action = AppClient.Resolve(form.Action).PathAndQuery;
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && i.Name != "__RequestVerificationToken")
            .ToDictionary(i => i.Name!, i => i.Value);
        fields["Channel"] = "0";

        var first = await owner.Client.PostAsync(action, fields);
        var second = await owner.Client.PostAsync(action, fields);

        Assert.True(first.Shows("Contato registrado."), first.Text);
        Assert.True(second.Shows("Este contato já tinha sido registrado."), second.Text);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));
        var after = await owner.Client.GetAsync("/acoes?lista=meta");
        Assert.DoesNotContain("Joana Duarte", string.Concat(after.Doc.QuerySelectorAll("ul.list li").Select(li => li.TextContent)), StringComparison.Ordinal);
        Assert.True(after.Shows("Contato registrado: Joana Duarte · Desfazer"), after.Text);
        // The same key for another customer is refused, and logs nothing.
        await owner.Client.RegisterPurchaseAsync("11987650302", "150", name: "Outra Pessoa");
        var other = (await owner.CustomerAsync("+5511987650302")).Id;
        var reused = await owner.Client.PostAsync("/acoes/contato", new Dictionary<string, string>(fields) { ["CustomerId"] = other.ToString() });
        Assert.True(reused.Shows("Este formulário já registrou o contato com outro cliente."), reused.Text);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task A_purchase_within_the_window_after_a_contact_counts_as_converted_with_its_amount()
    {
        var owner = await app.SignUpAsync("Posto Conversão");
        var now = DateTimeOffset.UtcNow;
        await BuyAtAsync(owner, "11987650401", "Volta Rápida", now, -40);
        await BuyAtAsync(owner, "11987650482", "Volta Tarde", now, -40);
        var quick = (await owner.CustomerAsync("+5511987650401")).Id;
        var late = (await owner.CustomerAsync("+5511987650482")).Id;

        await ContactAtAsync(owner, quick, now.AddDays(-10));
        await ContactAtAsync(owner, late, now.AddDays(-25));
        await BuyAtAsync(owner, "11987650401", null, now, -7, amount: "50");  // 3 days after its contact
        await BuyAtAsync(owner, "11987650482", null, now, -5, amount: "80");  // 20 days after: outside 14

        var agenda = await owner.Client.GetAsync("/acoes");
        Assert.True(agenda.Shows("2 contatos · 1 voltou (50%) · R$ 50,00"), agenda.Text);
        var painel = await owner.Client.GetAsync("/painel");
        Assert.True(painel.Shows("2 contatos · 1 voltou (50%) · R$ 50,00"), painel.Text);
        Assert.True(painel.Shows("não prova"), painel.Text);
    }

    [Fact]
    public async Task A_customer_who_does_not_want_contact_appears_nowhere_yet_still_earns_points()
    {
        var owner = await app.SignUpAsync("Loja Sem Contato");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        var staff = await owner.AddStaffAsync("Bia Balcão");
        var (staffClient, _) = await app.SignInAsync(staff.Email, staff.Password);
        await owner.Client.RegisterPurchaseAsync("11987650501", "150", name: "Paulo Privado");
        var customer = (await owner.CustomerAsync("+5511987650501")).Id;

        // Staff record it at the counter, with how the customer asked.
        var refused = await staffClient.SubmitAsync($"/clientes/{customer}/sem-contato", new Dictionary<string, string>());
        Assert.Equal("Diga como o cliente pediu.", refused.FieldError("How"));
        var done = await staffClient.SubmitAsync($"/clientes/{customer}/sem-contato", new Dictionary<string, string> { ["How"] = "No balcão" });
        Assert.True(done.Shows("Não quer contato"), done.Text);

        foreach (var list in Lists)
            Assert.DoesNotContain("Paulo Privado", (await owner.Client.GetAsync($"/acoes?lista={list}")).Text, StringComparison.Ordinal);
        var recognition = await owner.Client.GetAsync("/reconhecimento");
        Assert.True(recognition.Shows("Paulo Privado") && recognition.Shows("não quer contato"), recognition.Text);
        Assert.Empty(recognition.Doc.QuerySelectorAll("a[href^='https://wa.me/']"));
        Assert.Empty((await owner.Client.GetAsync($"/reconhecimento/{customer}")).Doc.QuerySelectorAll("a[href^='https://wa.me/']"));
        var contact = await owner.Client.PostAsync("/acoes/contato", new Dictionary<string, string>
        {
            ["CustomerId"] = customer.ToString(), ["List"] = "0", ["Channel"] = "0", ["Key"] = Guid.NewGuid().ToString(),
        });
        Assert.True(contact.Shows("Este cliente não quer contato."), contact.Text);
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));

        // Points still count.
        await staffClient.RegisterPurchaseAsync("11987650501", "30");
        Assert.Equal(180m, (await owner.CustomerAsync("+5511987650501")).Balance);

        // Only the owner undoes it, and only with a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await staffClient.PostAsync($"/clientes/{customer}/aceita-contato", new Dictionary<string, string> { ["Reason"] = "x" })).Status);
        var noReason = await owner.Client.PostAsync($"/clientes/{customer}/aceita-contato", new Dictionary<string, string>());
        Assert.True(noReason.Shows("Diga por que o cliente voltou a aceitar contato."), noReason.Text);
        var undone = await owner.Client.PostAsync($"/clientes/{customer}/aceita-contato", new Dictionary<string, string> { ["Reason"] = "Pediu de novo no balcão" });
        Assert.True(undone.Shows("Voltou a aceitar contato") && undone.Shows("Pediu de novo no balcão") && undone.Shows("No balcão"), undone.Text);
        Assert.Contains("Paulo Privado", (await owner.Client.GetAsync("/acoes?lista=meta")).Text, StringComparison.Ordinal);
        Assert.Equal(2, await app.InBusinessAsync(owner.BusinessId, db => db.ConsentEvents.CountAsync()));
    }

    [Fact]
    public async Task Staff_see_the_agenda_only_when_allowed_and_only_their_branch_customers_with_contacts_credited_to_them()
    {
        var owner = await app.SignUpAsync("Rede Duas Lojas");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Loja Centro" });
        var centro = await app.InBusinessAsync(owner.BusinessId, db => db.Branches.Where(b => b.Name == "Loja Centro").Select(b => b.Id).SingleAsync());
        var staff = await owner.AddStaffAsync("Caio Centro", centro);
        var (staffClient, _) = await app.SignInAsync(staff.Email, staff.Password);
        await owner.Client.RegisterPurchaseAsync("11987650601", "150", name: "Cliente Principal", branchId: owner.BranchId);
        await owner.Client.RegisterPurchaseAsync("11987650682", "150", name: "Cliente Centro", branchId: centro);

        Assert.True((await staffClient.GetAsync("/acoes")).Shows("ainda não liberou as Ações"));
        await owner.Client.SubmitAsync("/acoes/configuracoes", new Dictionary<string, string> { ["StaffSeesAgenda"] = "true" });

        var seen = await staffClient.GetAsync("/acoes?lista=meta");
        Assert.Contains("Cliente Centro", seen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cliente Principal", seen.Text, StringComparison.Ordinal);
        var principal = (await owner.CustomerAsync("+5511987650601")).Id;
        var outside = await staffClient.PostAsync("/acoes/contato", new Dictionary<string, string>
        {
            ["CustomerId"] = principal.ToString(), ["List"] = "0", ["Channel"] = "0", ["Key"] = Guid.NewGuid().ToString(),
        });
        Assert.Equal(HttpStatusCode.NotFound, outside.Status);

        await staffClient.SubmitAsync("/acoes?lista=meta", new Dictionary<string, string>(), "/acoes/contato");
        var results = await owner.Client.GetAsync("/acoes");
        var row = results.Doc.QuerySelectorAll("table.rows tr").Select(r => Page.Normalize(r.TextContent)).Single(t => t.Contains("Caio Centro", StringComparison.Ordinal));
        Assert.Contains("1", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_settings_get_a_message_and_change_nothing()
    {
        var owner = await app.SignUpAsync("Loja Configuração");
        var page = await owner.Client.SubmitAsync("/acoes/configuracoes", new Dictionary<string, string>
        {
            ["NearGoalPercent"] = "150", ["ConversionDays"] = "0", ["FadingTemplate"] = "Oi {nomee}!",
        });
        Assert.Equal("Informe um número de 50 a 99.", page.FieldError("NearGoalPercent"));
        Assert.Equal("Informe um número de dias de 1 a 90.", page.FieldError("ConversionDays"));
        Assert.StartsWith("Marcador desconhecido: {nomee}.", page.FieldError("FadingTemplate"), StringComparison.Ordinal);
        var stored = await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.AsNoTracking().Select(b => b.Agenda).SingleAsync());
        Assert.Equal((80, 14, null), (stored.NearGoalPercent, stored.ConversionDays, stored.FadingTemplate));
    }

    /// <summary>Registers purchases on the given days (relative to now) through the form, with the clock set there.</summary>
    private async Task BuyAtAsync(OwnerSession owner, string phone, string? name, DateTimeOffset now, params int[] days) =>
        await BuyAtAsync(owner, phone, name, now, days, "20");

    private async Task BuyAtAsync(OwnerSession owner, string phone, string? name, DateTimeOffset now, int day, string amount) =>
        await BuyAtAsync(owner, phone, name, now, [day], amount);

    private async Task BuyAtAsync(OwnerSession owner, string phone, string? name, DateTimeOffset now, int[] days, string amount)
    {
        try
        {
            foreach (var day in days)
            {
                app.Clock.Now = now.AddDays(day);
                var page = await owner.Client.RegisterPurchaseAsync(phone, amount, name: name);
                Assert.True(page.Url.AbsolutePath.StartsWith("/compras/", StringComparison.Ordinal), page.FormError);
            }
        }
        finally { app.Clock.Now = null; }
    }

    private async Task ContactAtAsync(OwnerSession owner, Guid customer, DateTimeOffset at)
    {
        app.Clock.Now = at;
        try
        {
            var page = await owner.Client.PostAsync("/acoes/contato", new Dictionary<string, string>
            {
                ["CustomerId"] = customer.ToString(), ["List"] = "1", ["Channel"] = "0", ["Key"] = Guid.NewGuid().ToString(),
            });
            Assert.True(page.Shows("Contato registrado."), page.Text);
        }
        finally { app.Clock.Now = null; }
    }
}
