using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
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
        await phone.GetByRole(AriaRole.Link, new() { Name = "Relatórios" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Próximo envio: segunda-feira")).ToBeVisibleAsync();

        await phone.GetByRole(AriaRole.Button, new() { Name = "Gerar agora" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Relatórios gerados. Toque em um deles para baixar.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Curva ABC de clientes (PDF, 1 página)" })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("reports-1-list.png"), FullPage = true });

        var download = await phone.RunAndWaitForDownloadAsync(() =>
            phone.GetByRole(AriaRole.Link, new() { Name = "Curva ABC de clientes (PDF, 1 página)" }).ClickAsync());
        Assert.StartsWith("curva-abc-", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        Assert.Contains(ReportScenario.PdfLines(await File.ReadAllBytesAsync(path)), l => l.StartsWith("1 Sérgio (11) 97777-6666 150", StringComparison.Ordinal));

        await phone.GetByRole(AriaRole.Link, new() { Name = "Configurações", Exact = true }).ClickAsync();
        await phone.GetByLabel("Dia do envio").SelectOptionAsync(new SelectOptionValue { Label = "sexta-feira" });
        await phone.GetByLabel("Hora do envio").SelectOptionAsync(new SelectOptionValue { Label = "18:00" });
        await phone.GetByLabel("Outros destinatários (além dos donos)").FillAsync("gerente@adega.com.br");
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("reports-2-settings.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();

        await Assertions.Expect(phone.GetByText("Configurações dos relatórios salvas.")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("Próximo envio: sexta-feira")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("gerente@adega.com.br", new() { Exact = false })).ToBeVisibleAsync();
    }
}
