using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Customers;

public sealed class CustomerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("(11) 91234-5678")]
    [InlineData("11912345678")]
    [InlineData("+55 11 91234-5678")]
    [InlineData("5678")]
    [InlineData("joana")]
    [InlineData("SOUZA")]
    public async Task Customers_are_found_by_phone_in_any_format_or_by_name(string query)
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "10", name: "Joana Souza");
        await owner.Client.RegisterPurchaseAsync("21998765432", "10", name: "Pedro Lima");

        var page = await owner.Client.GetAsync($"/clientes?q={Uri.EscapeDataString(query)}");

        Assert.True(page.Shows("Joana Souza"), page.Text);
        Assert.False(page.Shows("Pedro Lima"));
    }

    [Fact]
    public async Task A_search_with_no_match_says_so()
    {
        var owner = await app.SignUpAsync();

        var page = await owner.Client.GetAsync("/clientes?q=ninguem%25");

        Assert.True(page.Shows("Nenhum cliente encontrado para \"ninguem%\"."), page.Text);
    }

    [Fact]
    public async Task The_customer_page_shows_totals_purchases_and_ledger()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "100,00", name: "Joana Souza");
        await owner.Client.RegisterPurchaseAsync("11912345678", "50,00");
        var customer = await owner.CustomerAsync("+5511912345678");

        var page = await owner.Client.GetAsync($"/clientes/{customer.Id}");

        Assert.True(page.Shows("(11) 91234-5678"));
        Assert.True(page.Shows("Gasto totalR$ 150,00"), page.Text);
        Assert.True(page.Shows("Ticket médioR$ 75,00"));
        Assert.True(page.Shows("Filial preferidaPrincipal"));
        Assert.True(page.Shows("Extrato de pontos"));
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(page.Shows($"Primeira compra{today}"));
    }

    [Fact]
    public async Task Editing_shows_and_saves_only_the_fields_the_business_collects_and_can_erase_one_it_no_longer_does()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectName"] = "true", ["CollectEmail"] = "true" });
        await owner.Client.RegisterPurchaseAsync("11912345670", "10", name: "Joana");
        var customer = await owner.CustomerAsync("+5511912345670");
        await owner.Client.SubmitAsync($"/clientes/{customer.Id}/editar", new Dictionary<string, string> { ["Email"] = "joana@exemplo.com.br" });
        // The owner stops collecting e-mails (LGPD: the minimum).
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectEmail"] = "false" });

        var form = await owner.Client.GetAsync($"/clientes/{customer.Id}/editar");
        var sneaked = await owner.Client.SubmitAsync($"/clientes/{customer.Id}/editar", new Dictionary<string, string>
        {
            ["Name"] = "Joana Souza", ["Email"] = "outro@exemplo.com.br", ["BirthDate"] = "01/02/1990",
        });
        var kept = await owner.CustomerAsync("+5511912345670");
        var erased = await owner.Client.SubmitAsync($"/clientes/{customer.Id}/editar", new Dictionary<string, string> { ["EraseEmail"] = "true" });

        Assert.NotNull(form.Doc.QuerySelector("input[name=Name]"));
        Assert.Null(form.Doc.QuerySelector("input[name=Email]"));
        Assert.Null(form.Doc.QuerySelector("input[name=BirthDate]"));
        Assert.Contains("joana@exemplo.com.br", form.Doc.QuerySelector("[data-testid=EraseEmail]")!.TextContent, StringComparison.Ordinal);
        Assert.True(sneaked.Shows("Dados do cliente salvos."), sneaked.Text);
        Assert.Equal(("Joana Souza", "joana@exemplo.com.br", (DateOnly?)null), (kept.Name, kept.Email, kept.BirthDate));
        Assert.True(erased.Shows("Dados do cliente salvos."), erased.Text);
        Assert.Null((await owner.CustomerAsync("+5511912345670")).Email);
    }

    [Fact]
    public async Task The_owner_edits_customer_fields_and_the_change_is_recorded()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectName"] = "true", ["CollectEmail"] = "true", ["CollectBirthDate"] = "true" });
        await owner.Client.RegisterPurchaseAsync("11912345678", "10", name: "Joana");
        var customer = await owner.CustomerAsync("+5511912345678");

        var page = await owner.Client.SubmitAsync($"/clientes/{customer.Id}/editar", new Dictionary<string, string>
        {
            ["Name"] = "Joana Souza", ["Email"] = "joana@exemplo.com.br", ["BirthDate"] = "01/02/1990",
        });
        var bad = await owner.Client.SubmitAsync($"/clientes/{customer.Id}/editar", new Dictionary<string, string> { ["BirthDate"] = "31/02/1990" });

        Assert.True(page.Shows("Dados do cliente salvos."), page.Text);
        Assert.True(page.Shows("joana@exemplo.com.br"));
        Assert.Equal("Data de nascimento inválida. Use dd/mm/aaaa, ex.: 25/12/1980.", bad.FieldError("BirthDate"));
        var audit = await app.InBusinessAsync(owner.BusinessId, db => db.Audit.Where(a => a.Subject == "Cliente")
            .Select(a => a.Field + ": " + a.OldValue + " → " + a.NewValue).ToListAsync());
        Assert.Contains("Nome: Joana → Joana Souza", audit);
        Assert.Contains("Data de nascimento: — → 01/02/1990", audit);
    }

    [Fact]
    public async Task Staff_see_what_they_need_to_serve_but_not_the_ledger_nor_the_edit_page()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "10", name: "Joana");
        var customer = await owner.CustomerAsync("+5511912345678");
        var staff = await owner.AddStaffAsync();
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);

        var page = await client.GetAsync($"/clientes/{customer.Id}");
        var edit = await client.GetAsync($"/clientes/{customer.Id}/editar");

        Assert.True(page.Shows("Joana"));
        Assert.True(page.Shows("10"));
        Assert.False(page.Shows("Extrato de pontos"));
        Assert.Equal(HttpStatusCode.Forbidden, edit.Status);
    }

    [Fact]
    public async Task The_live_lookup_answers_in_portuguese()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11912345678", "125", name: "Joana Souza");

        var known = JsonDocument.Parse(await owner.Client.Http.GetStringAsync(new Uri("/clientes/consulta?telefone=11912345678", UriKind.Relative)));
        var unknown = JsonDocument.Parse(await owner.Client.Http.GetStringAsync(new Uri("/clientes/consulta?telefone=11900001111", UriKind.Relative)));

        Assert.Equal("Joana Souza · 125 pontos · 25% da meta", known.RootElement.GetProperty("text").GetString());
        Assert.Equal("Cliente novo: será cadastrado ao registrar.", unknown.RootElement.GetProperty("text").GetString());
    }
}
