using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Running;

/// <summary>The app as it runs in Production, with one extra route that fails on purpose.</summary>
public sealed class ProductionAppFactory : AppFactory
{
    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddControllersWithViews().AddApplicationPart(typeof(FailingController).Assembly));
    }
}

[AllowAnonymous]
public sealed class FailingController : Controller
{
    [HttpGet("/teste/falha")]
    public IActionResult Fail() => throw new InvalidOperationException("secret internal detail");
}

public sealed class ProductionErrorTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task A_failure_shows_a_portuguese_page_without_a_stack_trace()
    {
        var page = await app.NewClient().GetAsync("/teste/falha");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.True(page.Shows("Algo deu errado do nosso lado."), page.Text);
        Assert.DoesNotContain("secret internal detail", page.Doc.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.Doc.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }
}
