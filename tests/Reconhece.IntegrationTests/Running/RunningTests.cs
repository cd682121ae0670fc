using System.Net;
using System.Text.Json;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Running;

public sealed class RunningTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Health_reports_the_database_as_reachable()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/entrar", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/painel", HttpStatusCode.Redirect)]
    [InlineData("/nao-existe", HttpStatusCode.NotFound)]
    public async Task Head_answers_like_get_without_a_body(string path, HttpStatusCode expected)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));
        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, head.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_portuguese_404()
    {
        var page = await app.NewClient().GetAsync("/nao-existe");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(page.Shows("Página não encontrada."));
        Assert.Equal("pt-BR", page.Doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_in_portuguese()
    {
        var page = await app.NewClient().PostWithoutTokenAsync("/cadastro", Scenario.SignUpFields("Sem Token", Scenario.UniqueEmail("token")));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.True(page.Shows("O formulário expirou"), page.Text);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/entrar", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_the_sign_in_page()
    {
        var page = await app.NewClient().GetAsync("/equipe");

        Assert.Equal("/entrar", page.Url.AbsolutePath);
        Assert.True(page.Shows("Entrar"));
    }
}
