using Reconhece.IntegrationTests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Agenda;

/// <summary>The Meta atingida and Clientes inativos PDFs: each row's phone opens WhatsApp with the Ações message.</summary>
public sealed class ReportWhatsAppLinkTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task Each_row_links_to_whatsapp_with_the_message_except_customers_who_do_not_want_contact()
    {
        var owner = await app.SignUpAsync("Adega Link");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["RecognitionText"] = "um vinho", ["InactivityDays"] = "30" });
        await owner.Client.SubmitAsync("/acoes/configuracoes", new Dictionary<string, string>
        {
            ["GoalTemplate"] = "{nome}, seu {premio} espera na {negocio}!", ["FadingTemplate"] = "{nome}, volte à {negocio}!",
        });
        app.Clock.Now = DateTimeOffset.UtcNow.AddDays(-60);
        try
        {
            await owner.Client.RegisterPurchaseAsync("11987651001", "50", name: "Rita Sumida");
            await owner.Client.RegisterPurchaseAsync("11987651003", "40", name: "Caio Calado");
        }
        finally { app.Clock.Now = null; }
        await owner.Client.RegisterPurchaseAsync("11987651002", "150", name: "Lia Meta");
        var quiet = (await owner.CustomerAsync("+5511987651003")).Id;
        await owner.Client.SubmitAsync($"/clientes/{quiet}/sem-contato", new Dictionary<string, string> { ["How"] = "No balcão" });

        var page = await owner.Client.PressAsync("/relatorios/gerar");
        var links = page.PdfLinks(page.FirstRunId());
        var goal = Links(await owner.Client.DownloadAsync(links["meta-atingida"]));
        var inactive = Links(await owner.Client.DownloadAsync(links["clientes-inativos"]));

        // Each row carries a short link of the app (not the whole message), which opens WhatsApp when tapped.
        Assert.All(goal.Concat(inactive), l => Assert.Matches(@"^https?://[^/]+/w/[A-Za-z0-9_-]{66}$", l));
        var anonymous = app.NewClient();
        Assert.Equal("https://wa.me/5511987651002?text=" + Uri.EscapeDataString("Lia, seu um vinho espera na Adega Link!"), await TapAsync(goal.Single()));
        Assert.Equal("https://wa.me/5511987651001?text=" + Uri.EscapeDataString("Rita, volte à Adega Link!"), await TapAsync(inactive.Single()));
        // A changed token opens nothing.
        var forged = goal.Single()[..^2] + (goal.Single()[^2] == 'A' ? "BA" : "AA");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(forged).PathAndQuery)).Status);
        Assert.Contains("Caio Calado", string.Join(" ", ReportScenario.PdfLines(await owner.Client.DownloadAsync(links["clientes-inativos"]))), StringComparison.Ordinal);

        // The weekly email lists the most valuable actions, each with its link; never the customer who said no.
        var sent = await owner.Client.PressAsync("/relatorios/enviar");
        Assert.True(sent.Shows("Enviado"), sent.Text);
        var mail = Assert.Single(app.Smtp.To(owner.Email));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!);
        var actions = html.QuerySelectorAll("a[href^='https://wa.me/']").Select(a => (Who: a.TextContent, Href: a.GetAttribute("href"))).ToList();
        Assert.Equal([("Lia Meta", await TapAsync(goal[0])), ("Rita Sumida", await TapAsync(inactive[0]))], actions);
        Assert.DoesNotContain("Caio Calado", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("As ações mais valiosas desta semana", mail.TextBody, StringComparison.Ordinal);

        // The message is built at the tap: a customer who said no since the PDF was made gets none.
        var lia = (await owner.CustomerAsync("+5511987651002")).Id;
        await owner.Client.SubmitAsync($"/clientes/{lia}/sem-contato", new Dictionary<string, string> { ["How"] = "No balcão" });
        var tapped = await anonymous.GetAsync(new Uri(goal.Single()).PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.OK, tapped.Status);
        Assert.True(tapped.Shows("Este cliente não quer receber mensagens"), tapped.Text);
    }

    /// <summary>Where a PDF's short link sends the phone that taps it (no session needed).</summary>
    private async Task<string> TapAsync(string link)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.AbsoluteUri;
    }

    private static List<string> Links(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().SelectMany(p => p.GetAnnotations())
            .Where(a => a.Type == AnnotationType.Link).Select(a => (a.Action as UriAction)?.Uri ?? "").ToList();
    }
}
