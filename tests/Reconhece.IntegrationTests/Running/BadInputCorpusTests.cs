using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Running;

/// <summary>
/// Every form, every typed field, a corpus of bad input: phones as Brazilians type them (and do not),
/// amounts, dates, HTML and script, Unicode tricks, over-long values, CSV formula prefixes. The app must
/// never answer 500, must show a rejected value back only escaped, and must store nothing when it
/// rejects.
/// </summary>
public sealed class BadInputCorpusTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Script = "<script>alert(1)</script>";

    public static readonly string[] Corpus =
    [
        // Phones: 30 variants
        "11987654321", "(11) 98765-4321", "+55 11 98765-4321", "011 98765 4321", "0 15 11 98765-4321", "5511987654321",
        "+5511987654321", "11 8765-4321", "(11) 98765-43210", "1198765432", "98765-4321", "00 55 11 98765 4321",
        "+1 415 555 0100", "11-98765-4321", "11.98765.4321", "(00) 98765-4321", "(11) 08765-4321", "abc", "", " ",
        "１１９８７６５４３２１", "١١٩٨٧٦٥٤٣٢١", "11987654321 ramal 2", "+55 (11) 9 8765-4321", "119876543210000000000",
        "-11987654321", "11987654321\n", "☎ 11 98765-4321", "11 9 8765 4321", "(11)98765-4321",
        // Amounts and numbers
        "45,90", "45.90", "1.234,56", "1,234.56", "-10", "0", "0,00", "999999999999999", "1e9", "NaN", "R$ 10", "10,999",
        // Dates
        "31/02/2024", "2024-02-30", "00/00/0000", "01/01/1800", "32/13/2020",
        // HTML, script, SQL
        Script, "\"><img src=x onerror=alert(1)>", "'; DROP TABLE customers; --",
        // Unicode: emoji, right-to-left override, zero-width, combining marks, Arabic
        "😀🍦", "\u202Eevil", "zero\u200Bwidth", "e\u0301\u0301\u0301\u0301", "مرحبا",
        // Over-long
        new string('x', 5001), new string('é', 301),
        // CSV formula prefixes
        "=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)",
    ];

    [Fact]
    public async Task No_form_answers_500_to_any_bad_input_and_rejected_values_come_back_escaped()
    {
        var owner = await app.SignUpAsync("Loja Entrada Ruim");
        var staff = await owner.AddStaffAsync("Pessoa Teste");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "10" });
        await owner.Client.RegisterPurchaseAsync("11955554444", "600", name: "Cliente Corpus");
        var customer = (await owner.CustomerAsync("+5511955554444")).Id;
        var anonymous = app.NewClient();
        (AppClient Client, string Page, string Action)[] forms =
        [
            (owner.Client, "/registrar", "/registrar"),
            (owner.Client, $"/clientes/{customer}/editar", $"/clientes/{customer}/editar"),
            (owner.Client, $"/clientes/{customer}", $"/clientes/{customer}/ajuste"),
            (owner.Client, "/programa", "/programa"),
            (owner.Client, "/relatorios/configuracoes", "/relatorios/configuracoes"),
            (owner.Client, "/negocio", "/negocio"),
            (owner.Client, "/filiais/nova", "/filiais/nova"),
            (owner.Client, $"/filiais/{owner.BranchId}/editar", $"/filiais/{owner.BranchId}/editar"),
            (owner.Client, "/equipe/novo", "/equipe/novo"),
            (owner.Client, $"/equipe/{staff.UserId}/editar", $"/equipe/{staff.UserId}/editar"),
            (owner.Client, $"/reconhecimento/{customer}", $"/reconhecimento/{customer}"),
            (owner.Client, "/acoes/configuracoes", "/acoes/configuracoes"),
            (owner.Client, "/acoes/convites", "/acoes/convites"),
            (owner.Client, $"/clientes/{customer}/celular", $"/clientes/{customer}/celular"),
            (owner.Client, $"/clientes/{customer}/privacidade", $"/clientes/{customer}/pedidos"),
            (owner.Client, "/privacidade", "/privacidade"),
            (owner.Client, "/promocoes/nova", "/promocoes/nova"),
            (owner.Client, "/caixa", "/caixa"),
            (anonymous, "/cadastro", "/cadastro"),
            (anonymous, "/entrar", "/entrar"),
            (anonymous, "/esqueci-senha", "/esqueci-senha"),
        ];

        var failures = new List<string>();
        var tried = 0;
        var rejected = 0;
        foreach (var (client, pageUrl, action) in forms)
        {
            var fields = await TypedFieldsAsync(client, pageUrl, action);
            Assert.True(fields.Count > 0, $"no typed field found on {pageUrl}");
            foreach (var value in Corpus)
            {
                var before = await DatabaseSnapshot.TakeAsync(app.ConnectionString);
                var page = await client.SubmitAsync(pageUrl, fields.ToDictionary(f => f, _ => value), action);
                tried++;
                if (page.Status == HttpStatusCode.InternalServerError) failures.Add($"{action} ← {Show(value)}: 500");
                else if (page.Doc.DocumentElement.OuterHtml.Contains(Script, StringComparison.Ordinal)) failures.Add($"{action} ← script shown unescaped");
                else if (Rejected(page))
                {
                    rejected++;
                    if (await DatabaseSnapshot.TakeAsync(app.ConnectionString) != before) failures.Add($"{action} ← {Show(value)}: rejected, yet something was stored");
                }
            }
        }

        // The reversal reason: a fresh purchase each time, since a valid reason reverses it and the form goes away.
        foreach (var value in Corpus)
        {
            var id = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11955554444", "10"));
            var before = await DatabaseSnapshot.TakeAsync(app.ConnectionString);
            var page = await owner.Client.SubmitAsync($"/compras/{id}", new Dictionary<string, string> { ["reason"] = value }, $"/compras/{id}/estornar");
            tried++;
            if (page.Status == HttpStatusCode.InternalServerError) failures.Add($"/compras/…/estornar ← {Show(value)}: 500");
            else if (page.Doc.DocumentElement.OuterHtml.Contains(Script, StringComparison.Ordinal)) failures.Add("estornar ← script shown unescaped");
            else if (Rejected(page))
            {
                rejected++;
                if (await DatabaseSnapshot.TakeAsync(app.ConnectionString) != before) failures.Add($"estornar ← {Show(value)}: rejected, yet something was stored");
            }
        }

        Assert.True(tried >= 17 * Corpus.Length, $"{tried}");
        // Most of the corpus is refused somewhere: the "nothing stored" check ran on most posts.
        Assert.True(rejected >= tried / 2, $"{rejected} of {tried} rejected");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A refusal as the person sees it: an error at the top of the form, next to a field, or in an error flash.</summary>
    private static bool Rejected(Page page) =>
        page.FormError.Length > 0 || page.Doc.QuerySelectorAll("[data-valmsg-for], .flash.error").Any(e => Page.Normalize(e.TextContent).Trim().Length > 0);

    /// <summary>The fields a person types into (text, email, tel, password, number, date, textarea) of the form posting to <paramref name="action"/>.</summary>
    private static async Task<List<string>> TypedFieldsAsync(AppClient client, string pageUrl, string action)
    {
        var page = await client.GetAsync(pageUrl);
        var form = page.Doc.QuerySelectorAll<IHtmlFormElement>("form").First(f => new Uri(f.Action).AbsolutePath == action);
        return form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is "text" or "email" or "tel" or "password" or "number" or "date" or "search" or "")
            .Select(i => i.Name!)
            .Concat(form.Elements.OfType<IHtmlTextAreaElement>().Where(a => !string.IsNullOrEmpty(a.Name)).Select(a => a.Name!))
            .Distinct().ToList();
    }

    private static string Show(string value) => value.Length > 40 ? value[..20] + $"…({value.Length})" : value;
}
