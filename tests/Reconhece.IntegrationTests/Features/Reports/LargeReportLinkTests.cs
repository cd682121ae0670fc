using System.Net;
using System.Text.RegularExpressions;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Reports;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>The reports app with the attachment limit at 0 MB, so every weekly email carries links instead.</summary>
public sealed class LinkOnlyReportsAppFactory : ReportsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reports:AttachUpToMegabytes", "0");
    }
}

public sealed partial class LargeReportLinkTests(LinkOnlyReportsAppFactory app) : IClassFixture<LinkOnlyReportsAppFactory>
{
    [Fact]
    public async Task Large_reports_go_as_signed_links_that_open_only_that_run_and_stop_when_they_expire()
    {
        app.Clock.Now = null;
        var owner = await app.SignUpAsync("Posto Relatório Grande");
        await owner.Client.RegisterPurchaseAsync("11987650001", "80");
        var runId = await app.AddRunAsync(owner);

        Assert.Equal(ReportRunStatus.Sent, await app.InScopeAsync<SendWeeklyReport, ReportRunStatus?>(s => s.SendAsync(owner.BusinessId, runId, CancellationToken.None)));
        var mail = Assert.Single(app.Smtp.ReportEmailsTo(owner.Email));
        var links = LinkPattern().Matches(mail.TextBody ?? "").Select(m => new Uri(m.Value).PathAndQuery).ToList();
        var stranger = app.NewClient();
        using var pdf = await stranger.Http.GetAsync(new Uri(links[0], UriKind.Relative));
        var forged = await stranger.GetAsync(Regex.Replace(links[0], "/baixar/[^/]+/", "/baixar/AAAAbm90LWEtdG9rZW4/"));
        app.Clock.Now = DateTimeOffset.UtcNow.AddDays(15);
        var expired = await stranger.GetAsync(links[0]);
        app.Clock.Now = null;

        Assert.Empty(mail.Attachments);
        Assert.Equal(5, links.Count);
        Assert.Contains("grandes demais para anexar", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.True(expired.Shows("Este link de download dos relatórios expirou."), expired.Text);
    }

    [GeneratedRegex(@"https?://\S+/relatorios/baixar/\S+\.pdf")]
    private static partial Regex LinkPattern();
}
