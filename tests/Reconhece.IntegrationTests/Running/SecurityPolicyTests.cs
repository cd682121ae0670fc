using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Running;

/// <summary>The app with one controller that carries no attribute at all, as a careless new feature would.</summary>
public sealed class ForgetfulAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddControllersWithViews().AddApplicationPart(typeof(ForgetfulController).Assembly));
    }
}

public sealed class ForgetfulController : Controller
{
    [HttpGet("/teste/esquecido")]
    public IActionResult Secret() => Content("dados de clientes");
}

public sealed class SecurityPolicyTests(ForgetfulAppFactory app) : IClassFixture<ForgetfulAppFactory>
{
    [Fact]
    public async Task A_controller_without_an_attribute_is_closed_to_strangers()
    {
        var page = await Anonymous().GetAsync(new Uri("/teste/esquecido", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/entrar", page.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Every_page_not_marked_anonymous_sends_a_stranger_to_sign_in()
    {
        var open = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (!methods.Contains("GET")) continue;
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "{[^}]*}", Guid.NewGuid().ToString());
            var response = await Anonymous().GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath != "/entrar") open.Add($"{path}: {(int)response.StatusCode}");
        }
        Assert.Empty(open);
    }

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

public sealed class ProductionSecurityTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    private static readonly Uri Https = new("https://loja.reconhece.app");

    [Fact]
    public async Task Production_sends_a_one_year_hsts_and_a_secure_host_only_session_cookie()
    {
        app.ClientOptions.BaseAddress = Https; // Production redirects plain HTTP to HTTPS
        var owner = await app.SignUpAsync("Loja Segura");

        var browser = await CookieBrowser.SignInAsync(app, owner.Email, owner.Password, remember: false, Https);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false });
        var home = await client.GetAsync(new Uri("/entrar", UriKind.Relative));

        Assert.StartsWith("__Host-reconhece=", browser.SetCookie, StringComparison.Ordinal);
        Assert.Contains("secure", browser.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", browser.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", browser.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", home.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}
