using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>
/// Every screen at 390 px (issue 22): money and phones never break across lines, every tap target is at least
/// 44 px tall, buttons and fields use the page's font, and a field's border can be seen (3:1 against white, WCAG 1.4.11).
/// </summary>
public sealed class PhoneLayoutTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    // Amounts and phones anywhere in the text ("semana passada: R$ 0,00") that are laid out on more than one line.
    private const string BrokenFigures = """
        () => {
          const out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n; (n = walker.nextNode());) {
            for (const m of n.textContent.matchAll(/R\$[\s\u00A0]?[\d.,]*\d|\(\d\d\) \d{4,5}-\d{4}/g)) {
              const range = document.createRange();
              range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
              if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) out.push(m[0]);
            }
          }
          return out;
        }
        """;

    private const string ShortTargets = """
        () => [...document.querySelectorAll('button, .button, .actions a, nav.menu a')]
          .filter(e => e.offsetParent !== null && !e.classList.contains('link'))
          .filter(e => e.getBoundingClientRect().height < 44)
          .map(e => e.textContent.trim() + ' ' + Math.round(e.getBoundingClientRect().height) + 'px')
        """;

    // Buttons and fields in another font than the page's (a browser's default for form controls is not inherited).
    private const string OtherFonts = """
        () => { const f = getComputedStyle(document.body).fontFamily;
          return [...document.querySelectorAll('button, .button, input:not([type=hidden]), select, textarea, summary')]
            .filter(e => e.offsetParent !== null && getComputedStyle(e).fontFamily !== f)
            .map(e => (e.textContent.trim() || e.name) + ': ' + getComputedStyle(e).fontFamily); }
        """;

    private const string WeakestFieldBorder = """
        () => {
          const lum = c => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          return Math.min(...[...document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]), select, textarea')].map(e => {
            const [r, g, b] = getComputedStyle(e).borderTopColor.match(/\d+/g).map(Number);
            return 1.05 / (0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b) + 0.05);
          }));
        }
        """;

    [Fact]
    public async Task Figures_stay_on_one_line_targets_are_44_px_and_field_borders_are_visible()
    {
        var owner = await app.SignUpAsync("Sorveteria Tela Estreita");
        await owner.Client.RegisterPurchaseAsync("11987654321", "1.234,56", name: "Maria Aparecida dos Santos Oliveira");
        var phone = await app.SignedInPhoneAsync(owner.Email, owner.Password);

        foreach (var url in new[] { "/painel", "/clientes", "/registrar", "/acoes", "/mais", "/programa", "/caixa" })
        {
            await phone.GotoAsync(url);
            Assert.True((await phone.EvaluateAsync<string[]>(BrokenFigures)).Length == 0, $"{url}: {string.Join(", ", await phone.EvaluateAsync<string[]>(BrokenFigures))}");
            Assert.True((await phone.EvaluateAsync<string[]>(ShortTargets)).Length == 0, $"{url}: {string.Join(", ", await phone.EvaluateAsync<string[]>(ShortTargets))}");
            Assert.True((await phone.EvaluateAsync<string[]>(OtherFonts)).Length == 0, $"{url}: {string.Join(", ", await phone.EvaluateAsync<string[]>(OtherFonts))}");
            if (await phone.Locator("input:not([type=hidden]):not([type=checkbox]), select, textarea").CountAsync() > 0)
                Assert.True(await phone.EvaluateAsync<double>(WeakestFieldBorder) >= 3, $"{url}: a field border under 3:1");
            Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), $"{url} scrolls sideways");
        }
        await phone.GotoAsync("/painel");
        await phone.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("layout-1-painel.png"), FullPage = false });
    }
}
