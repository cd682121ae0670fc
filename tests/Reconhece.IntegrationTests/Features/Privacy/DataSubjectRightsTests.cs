using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Privacy;

/// <summary>LGPD art. 18 I, II and V ("Dados do cliente"), and the requests kept with their art. 19 deadline.</summary>
public sealed class DataSubjectRightsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dados_do_cliente_is_a_JSON_with_everything_held_and_a_one_page_PDF()
    {
        var owner = await app.SignUpAsync("Salão Transparente");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "50", ["CollectEmail"] = "true" });
        await owner.Client.SubmitAsync("/registrar", new Dictionary<string, string>
        {
            ["Phone"] = "11934567890", ["Amount"] = "30", ["Customer.Name"] = "Iara Lopes", ["Customer.Email"] = "iara@example.com",
        });
        for (var i = 0; i < 12; i++) await owner.Client.RegisterPurchaseAsync("11934567890", "30");
        var customer = await owner.CustomerAsync("+5511934567890");
        await owner.Client.SubmitAsync($"/reconhecimento/{customer.Id}", new Dictionary<string, string>());
        await owner.Client.SubmitAsync($"/clientes/{customer.Id}/sem-contato", new Dictionary<string, string> { ["How"] = "No balcão" });

        using var response = await owner.Client.Http.GetAsync(new Uri($"/clientes/{customer.Id}/dados.json", UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"phone\": \"+5511934567890\"", text, StringComparison.Ordinal);   // readable as it is, not \u002B
        Assert.Contains("Salão Transparente", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("reconhece.customer-data/1", root.GetProperty("format").GetString());
        Assert.Equal("Salão Transparente", root.GetProperty("controller").GetProperty("business").GetString());
        var subject = root.GetProperty("customer");
        Assert.Equal("+5511934567890", subject.GetProperty("phone").GetString());
        Assert.Equal("iara@example.com", subject.GetProperty("email").GetString());
        Assert.Equal(13, subject.GetProperty("visits").GetInt32());
        Assert.Equal(13, root.GetProperty("purchases").GetArrayLength());
        Assert.Equal(14, root.GetProperty("points").GetArrayLength());   // 13 purchases and the recognition
        Assert.Equal(1, root.GetProperty("recognitions").GetArrayLength());
        Assert.True(root.GetProperty("consent")[0].GetProperty("no_contact").GetBoolean());
        Assert.Contains(root.GetProperty("recipients").GetProperty("owners").EnumerateArray(), o => o.GetString() == "Marina Dona");
        Assert.NotEmpty(root.GetProperty("purposes").EnumerateArray());

        var pdf = await owner.Client.DownloadAsync($"/clientes/{customer.Id}/dados.pdf");
        Assert.InRange(ReportScenario.PdfPages(pdf), 1, 3);
        var lines = string.Join("\n", ReportScenario.PdfLines(pdf));
        Assert.Contains("Iara Lopes · (11) 93456-7890", lines, StringComparison.Ordinal);
        Assert.Contains("13 compras · R$ 390,00", lines, StringComparison.Ordinal);
        Assert.Contains("Para quê", lines, StringComparison.Ordinal);
        Assert.Contains("Quem vê", lines, StringComparison.Ordinal);
        Assert.Contains("Últimas compras (todas as 13 estão na cópia em arquivo)", lines.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        ReportScenario.SaveArtefact(pdf, "dados-do-cliente");
    }

    [Fact]
    public async Task Staff_cannot_download_a_customers_data_nor_see_email_and_birth_date()
    {
        var owner = await app.SignUpAsync();
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectEmail"] = "true", ["CollectBirthDate"] = "true" });
        await owner.Client.SubmitAsync("/registrar", new Dictionary<string, string>
        {
            ["Phone"] = "11934567891", ["Amount"] = "30", ["Customer.Name"] = "Iara", ["Customer.Email"] = "iara2@example.com", ["Customer.BirthDate"] = "01/02/1990",
        });
        var customer = await owner.CustomerAsync("+5511934567891");
        var staff = await owner.AddStaffAsync("Caixa");
        var counter = await app.SignInAsync(staff.Email, staff.Password);

        var page = await counter.Client.GetAsync($"/clientes/{customer.Id}");
        Assert.True(page.Shows("(11) 93456-7891"));
        Assert.True(page.Shows("Iara"));
        Assert.False(page.Shows("iara2@example.com"));
        Assert.False(page.Shows("01/02/1990"));
        Assert.True((await owner.Client.GetAsync($"/clientes/{customer.Id}")).Shows("iara2@example.com"));
        foreach (var url in new[] { "dados.json", "dados.pdf", "privacidade" })
            Assert.NotEqual(HttpStatusCode.OK, (await counter.Client.GetAsync($"/clientes/{customer.Id}/{url}")).Status);
    }

    [Fact]
    public async Task A_request_is_kept_with_its_15_day_deadline_until_answered_once()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11934567892", "30", name: "Iara");
        var customer = await owner.CustomerAsync("+5511934567892");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ReportScenario.SaoPaulo));
        var asked = today.AddDays(-3);
        var form = $"/clientes/{customer.Id}/privacidade";
        var key = Guid.NewGuid().ToString();
        var fields = new Dictionary<string, string> { ["Right"] = "2", ["RequestedOn"] = asked.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), ["IdempotencyKey"] = key };

        var page = await owner.Client.SubmitAsync(form, fields, $"/clientes/{customer.Id}/pedidos");
        await owner.Client.PostAsync($"/clientes/{customer.Id}/pedidos", fields);   // a double tap

        Assert.True(page.Shows("Pedido registrado."), page.Text);
        Assert.True(page.Shows($"Acesso aos dados"));
        Assert.True(page.Shows($"responder até {asked.AddDays(15):dd/MM/yyyy}"), page.Text);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.PrivacyRequests.CountAsync()));
        Assert.True((await owner.Client.GetAsync("/privacidade")).Shows("Acesso aos dados"));

        var request = await app.InBusinessAsync(owner.BusinessId, db => db.PrivacyRequests.SingleAsync());
        var answered = await owner.Client.PostAsync($"/clientes/{customer.Id}/pedidos/{request.Id}/respondido");
        Assert.True(answered.Shows("Pedido marcado como respondido."));
        Assert.True(answered.Shows($"respondido em {today:dd/MM/yyyy}"), answered.Text);
        Assert.False((await owner.Client.GetAsync("/privacidade")).Shows("Acesso aos dados"));
    }

    [Theory]
    [InlineData("31/02/2026", "RequestedOn", "Data inválida. Use dd/mm/aaaa, ex.: 27/11/2026.")]
    [InlineData("01/01/2099", "RequestedOn", "A data do pedido não pode estar no futuro.")]
    [InlineData("ontem", "RequestedOn", "Data inválida. Use dd/mm/aaaa, ex.: 27/11/2026.")]
    public async Task A_bad_request_date_gets_a_ptBR_message_and_stores_nothing(string date, string field, string message)
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11934567893", "30");
        var customer = await owner.CustomerAsync("+5511934567893");

        var page = await owner.Client.SubmitAsync($"/clientes/{customer.Id}/privacidade",
            new Dictionary<string, string> { ["Right"] = "2", ["RequestedOn"] = date }, $"/clientes/{customer.Id}/pedidos");

        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.PrivacyRequests.CountAsync()));
    }
}
