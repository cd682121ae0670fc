using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>
/// The customer's card on two phones at 390 px: staff register a purchase and show the QR; the customer's own
/// phone reads the code from the screen (decoded with ZXing.Net), opens the card without JavaScript and stops
/// the shop's messages; Ações then leaves the customer out.
/// </summary>
public sealed class PhoneCardFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task Staff_show_the_QR_and_the_customer_opens_the_card_and_stops_messages_on_a_phone()
    {
        var owner = await app.SignUpAsync("Adega do Cartão");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "200", ["RecognitionText"] = "um vinho da casa", ["CollectName"] = "true" });
        var staff = await owner.AddStaffAsync("Téo Atendente");
        var staffPhone = await app.SignedInPhoneAsync(staff.Email, staff.Password);

        await staffPhone.GotoAsync("/registrar");
        await staffPhone.GetByLabel("Celular do cliente").FillAsync("11977665544");
        await staffPhone.GetByText("Cliente novo? Dados opcionais").ClickAsync();
        await staffPhone.GetByLabel("Nome do cliente").FillAsync("Lia Souza");
        await staffPhone.GetByLabel("Valor da compra (R$)").FillAsync("58,00");
        await staffPhone.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
        await staffPhone.GetByRole(AriaRole.Link, new() { Name = "Mostrar o cartão ao cliente" }).ClickAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(staffPhone);
        await staffPhone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("card-1-qr-at-the-counter.png"), FullPage = true });
        var scanned = QrImage.Decode(await staffPhone.GetByTestId("card-qr").ScreenshotAsync());

        Assert.NotNull(scanned);
        var customer = await owner.CustomerAsync("+5511977665544");
        Assert.Contains(customer.Id.ToString(), (await owner.Client.GetAsync("/acoes?lista=novos")).Doc.Body!.InnerHtml, StringComparison.Ordinal);
        // The customer's phone: another browser, no session, no JavaScript.
        var customerPhone = await app.NewPhoneAsync(javaScript: false);
        var requested = new List<string>();
        customerPhone.Request += (_, r) => requested.Add(r.ResourceType);
        await customerPhone.GotoAsync(new Uri(scanned).PathAndQuery);
        // One round trip draws it: the styles come inside the page (a slow 4G's second trip is most of a
        // second, docs/benchmarks.md), and they are the site's own (the progress bar is drawn, 1rem tall).
        Assert.DoesNotContain("stylesheet", requested);
        Assert.Equal("16px", await customerPhone.Locator("[role=progressbar]").EvaluateAsync<string>("e => getComputedStyle(e).height"));
        await Assertions.Expect(customerPhone.GetByText("Olá, Lia!")).ToBeVisibleAsync();
        await Assertions.Expect(customerPhone.GetByTestId("balance")).ToHaveTextAsync("58");
        await Assertions.Expect(customerPhone.GetByTestId("missing")).ToHaveTextAsync("Faltam 142 pontos para um vinho da casa.");
        await BrowserAppFactory.AssertFitsThePhoneAsync(customerPhone);
        await customerPhone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("card-2-customer-card.png"), FullPage = true });

        await customerPhone.GetByRole(AriaRole.Link, new() { Name = "Não quero receber mensagens" }).ClickAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(customerPhone);
        await customerPhone.GetByRole(AriaRole.Button, new() { Name = "Confirmar: não quero receber mensagens" }).ClickAsync();
        await Assertions.Expect(customerPhone.GetByText("Pronto: a loja não vai mais mandar mensagens para você.", new() { Exact = false })).ToBeVisibleAsync();
        await customerPhone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("card-3-no-messages.png"), FullPage = true });

        Assert.DoesNotContain(customer.Id.ToString(), (await owner.Client.GetAsync("/acoes?lista=novos")).Doc.Body!.InnerHtml, StringComparison.Ordinal);
        // Light: the card's HTML is well under 15 KB.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await http.GetAsync(new Uri(new Uri(scanned).PathAndQuery, UriKind.Relative));
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 15 * 1024);
    }
}
