using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>
/// Every page at 390 px, as owner and as staff, in the light and the dark theme (issue 22): nothing scrolls
/// sideways, no table is cut at the edge, and axe-core finds no serious or critical accessibility issue (WCAG 2.1 A and AA, contrast included).
/// </summary>
public sealed class PhoneEveryPageTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task No_page_scrolls_sideways_nor_has_a_serious_accessibility_issue(ColorScheme scheme)
    {
        var owner = await app.SignUpAsync("Sorveteria Todas as Telas");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        var result = await owner.Client.RegisterPurchaseAsync("11987654321", "1.234,56", name: "Maria Aparecida dos Santos Oliveira");
        var purchase = LoyaltyScenario.PurchaseIdFrom(result);
        await owner.Client.RegisterPurchaseAsync("11912345678", "35,00");
        var customer = (await owner.CustomerAsync("+5511987654321")).Id;
        var staff = await owner.AddStaffAsync("Téo Atendente");
        var staffPurchase = LoyaltyScenario.PurchaseIdFrom(await (await app.SignInAsync(staff.Email, staff.Password)).Client.RegisterPurchaseAsync("11912345678", "12,00"));

        string[] ownerPages =
        [
            "/painel", "/registrar", $"/registrar?cliente={customer}", $"/compras/{purchase}", $"/compras/{purchase}/cartao",
            "/clientes", "/clientes?q=maria", $"/clientes/{customer}", $"/clientes/{customer}/editar", $"/clientes/{customer}/privacidade",
            "/clientes/segmentos", "/clientes/importar",
            "/acoes", "/acoes?lista=novos", "/acoes/convites", "/acoes/configuracoes", "/acoes/automaticas", "/acoes/automaticas/whatsapp", "/acoes/automaticas/resultados", "/mais", "/caixa",
            "/reconhecimento", $"/reconhecimento/{customer}", "/reconhecimento/historico", "/promocoes", "/promocoes/nova",
            "/relatorios", "/relatorios/configuracoes", "/programa", "/filiais", "/equipe", "/equipe/novo", "/negocio", "/privacidade",
            "/painel/historico",
        ];
        string[] staffPages = ["/registrar", $"/compras/{staffPurchase}", "/clientes", $"/clientes/{customer}", "/acoes", "/mais", "/caixa"];

        var problems = new List<string>();
        var ownerPhone = await app.SignedInPhoneAsync(owner.Email, owner.Password);
        var staffPhone = await app.SignedInPhoneAsync(staff.Email, staff.Password);
        foreach (var (phone, who, pages) in new[] { (ownerPhone, "owner", ownerPages), (staffPhone, "staff", staffPages) })
        {
            await phone.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var url in pages)
            {
                var response = await phone.GotoAsync(url);
                if (response is not { Ok: true }) { problems.Add($"{who} {url}: {response?.Status}"); continue; }
                if (!await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"))
                    problems.Add($"{who} {url}: scrolls sideways ({await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")} px)");
                // A table wider than the phone must sit in a labelled scrolling box (.scroll), never be cut.
                var cut = await phone.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('table')]
                      .filter(t => t.getBoundingClientRect().right > innerWidth + 1 && !t.closest('.scroll[role=region][aria-label]'))
                      .map(t => t.querySelector('th, td')?.textContent.trim() ?? 'table')
                    """);
                problems.AddRange(cut.Select(c => $"{who} {url}: a table is cut at the edge ({c})"));
                var axe = await phone.RunAxe(Wcag);
                // /registrar, the page opened all day, is held to Lighthouse's bar: no axe violation of any impact.
                problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical" || url == "/registrar")
                    .Select(v => $"{who} {url}: {v.Id} ({v.Impact}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await ownerPhone.GotoAsync("/painel");
        await ownerPhone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath($"every-page-painel-{scheme.ToString().ToLowerInvariant()}.png") });
    }
}
