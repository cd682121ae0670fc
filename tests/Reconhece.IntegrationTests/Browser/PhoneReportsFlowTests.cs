using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Features.Reports;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>The owner on a phone: Relatórios, "Gerar agora", a PDF downloaded, the settings saved.</summary>
public sealed class PhoneReportsFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task The_owner_generates_the_reports_downloads_a_pdf_and_changes_the_schedule_on_a_phone()
    {
        var owner = await app.SignUpAsync("Adega do Celular");
        await owner.Client.RegisterPurchaseAsync("11977776666", "150,00", name: "Sérgio");

        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        // Two taps from anywhere: "Mais" in the tab bar, then the page.
        await phone.GetByRole(AriaRole.Link, new() { Name = "Mais", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Relatórios" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Próximo envio: segunda-feira")).ToBeVisibleAsync();

        await phone.GetByRole(AriaRole.Button, new() { Name = "Gerar agora" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Relatórios gerados. Toque em um deles para baixar.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Melhores clientes (PDF, 1 página)" })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("reports-1-list.png"), FullPage = true });

        var download = await phone.RunAndWaitForDownloadAsync(() =>
            phone.GetByRole(AriaRole.Link, new() { Name = "Melhores clientes (PDF, 1 página)" }).ClickAsync());
        Assert.StartsWith("curva-abc-", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        Assert.StartsWith("1º Sérgio (11) 97777-6666 Pontos: 150", ReportScenario.PdfRecords(await File.ReadAllBytesAsync(path), ReportScenario.CustomerHeading)[0], StringComparison.Ordinal);

        await phone.GetByRole(AriaRole.Link, new() { Name = "Configurações", Exact = true }).ClickAsync();
        await phone.GetByLabel("Dia do envio").SelectOptionAsync(new SelectOptionValue { Label = "sexta-feira" });
        await phone.GetByLabel("Hora do envio").SelectOptionAsync(new SelectOptionValue { Label = "18:00" });
        await phone.GetByLabel("Outros destinatários (além dos responsáveis)").FillAsync("gerente@adega.com.br");
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("reports-2-settings.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();

        await Assertions.Expect(phone.GetByText("Configurações dos relatórios salvas.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("Próximo envio: sexta-feira")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("gerente@adega.com.br", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_owner_stops_the_emails_from_a_phone_and_takes_them_back_on_Relatorios()
    {
        var owner = await app.SignUpAsync("Adega do Parar");
        var userId = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());
        string link;
        using (var scope = app.Services.CreateScope())
            link = scope.ServiceProvider.GetRequiredService<StopReports>()
                .UrlFor(new ReportReader(owner.BusinessId, ReaderKind.Owner, userId, new MimeKit.MailboxAddress("", owner.Email)));

        // The link from the email, opened in the phone's mail app: no session, no JavaScript.
        var mailApp = await app.NewPhoneAsync(javaScript: false);
        await mailApp.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(mailApp.GetByText("Parar de receber os relatórios?")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(mailApp);
        await mailApp.GetByRole(AriaRole.Button, new() { Name = "Parar de receber" }).ClickAsync();
        await Assertions.Expect(mailApp.GetByText("não recebe mais os relatórios semanais de Adega do Parar", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(mailApp);
        await mailApp.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("reports-3-stopped.png"), FullPage = true });

        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        await phone.GotoAsync("/relatorios");
        await Assertions.Expect(phone.GetByTestId("stopped")).ToContainTextAsync("parou de receber os relatórios pelo link do e-mail em");
        await BrowserAppFactory.AssertFitsThePhoneAsync(phone);
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("reports-4-stopped-owner.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Voltar a receber" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Pronto: os relatórios voltam a chegar ao seu e-mail.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("stopped")).ToHaveCountAsync(0);
    }
}
