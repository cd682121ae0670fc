using System.Text;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.CustomerFiles;

/// <summary>Importing customers from a CSV (preview, then one transaction) and exporting the list safely.</summary>
public sealed class CustomerFilesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static CustomerFilesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Sheet = """
        Nome;Celular;E-mail;Saldo
        João Conceição;(11) 98888-1001;joao@example.com;120
        Maria;011 98888 1002;;45,5
        Sem Número;;;10
        Dígito a mais;(11) 98888-10030;;5
        Saldo ruim;11988881004;;dez
        Repetida;+55 11 98888-1002;;3
        Cliente Antigo;11977770000;;30
        """;

    [Fact]
    public async Task The_preview_shows_what_is_created_updated_and_refused_and_the_import_writes_ledger_entries_once()
    {
        var owner = await app.SignUpAsync("Adega Importa");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["CollectEmail"] = "true" });
        await owner.Client.RegisterPurchaseAsync("11977770000", "20", name: "Já Cliente");

        var preview = await owner.Client.UploadAsync("/clientes/importar", "arquivo", "clientes.csv", Encoding.GetEncoding(1252).GetBytes(Sheet));

        Assert.Equal("/clientes/importar/" + preview.Url.AbsolutePath.Split('/').Last(), preview.Url.AbsolutePath);
        var cards = preview.Doc.QuerySelectorAll(".big").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["2", "1", "4", "195,5"], cards);
        Assert.True(preview.Shows("João Conceição"), preview.Text);   // Windows-1252 read as such
        var rejected = preview.Doc.QuerySelectorAll("table.rows tr").Skip(1).Take(4).Select(r => Page.Normalize(r.TextContent).Trim()).ToList();
        Assert.StartsWith("4", rejected[0], StringComparison.Ordinal);
        Assert.Contains("Informe o celular", rejected[0], StringComparison.Ordinal);
        Assert.Contains("Há dígitos a mais", rejected[1], StringComparison.Ordinal);
        Assert.Contains("Saldo inválido", rejected[2], StringComparison.Ordinal);
        Assert.Contains("Celular repetido: já está na linha 3.", rejected[3], StringComparison.Ordinal);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));   // nothing yet

        var id = preview.Url.AbsolutePath.Split('/').Last();
        var taps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => owner.Client.PostAsync($"/clientes/importar/{id}")));

        Assert.Single(taps, t => t.Shows("Clientes importados."));
        Assert.Single(taps, t => t.Shows("Este arquivo já tinha sido importado."));
        var joao = await owner.CustomerAsync("+5511988881001");
        Assert.Equal(("João Conceição", "joao@example.com", 120m, 0), (joao.Name, joao.Email, joao.Balance, joao.Visits));
        Assert.NotNull(joao.EligibleSince);
        Assert.Equal(45.5m, (await owner.CustomerAsync("+5511988881002")).Balance);
        var old = await owner.CustomerAsync("+5511977770000");
        Assert.Equal(("Já Cliente", 50m), (old.Name, old.Balance));   // balance added, the name kept
        Assert.Equal(3, await app.InBusinessAsync(owner.BusinessId, db => db.Ledger.CountAsync(l => l.Kind == LedgerKind.Import && l.Reason == "Saldo importado")));
        await owner.AssertBalancesMatchLedgerAsync();
        var audit = await app.InBusinessAsync(owner.BusinessId, db => db.Audit.SingleAsync(a => a.Subject == "Importação"));
        Assert.Equal("clientes.csv: 2 novos, 1 atualizado, 4 linhas recusadas, 195,5 pontos", audit.NewValue);
        Assert.Null(await app.InBusinessAsync(owner.BusinessId, db => db.CustomerImports.Select(i => i.Content).SingleAsync()));

        // The same file again is refused, and changes nothing.
        var again = await owner.Client.UploadAsync("/clientes/importar", "arquivo", "de-novo.csv", Encoding.GetEncoding(1252).GetBytes(Sheet));
        Assert.StartsWith("Este arquivo já foi importado em", again.FieldError("arquivo"), StringComparison.Ordinal);
        Assert.Equal(50m, (await owner.CustomerAsync("+5511977770000")).Balance);
    }

    [Theory]
    [InlineData("celular,nome,saldo\n11966661111,Ana,\"1.234,5\"\n", 1234.5)]              // comma-separated, quoted decimal comma
    [InlineData("\uFEFFTelefone;Nome\n(11) 96666-1111;Ana\n", 0)]                            // UTF-8 with BOM, no balance column
    public async Task Separators_encodings_and_balances_are_read_as_shops_write_them(string csv, decimal balance)
    {
        var owner = await app.SignUpAsync();
        var preview = await owner.Client.UploadAsync("/clientes/importar", "arquivo", "c.csv", Encoding.UTF8.GetBytes(csv));
        var id = preview.Url.AbsolutePath.Split('/').Last();

        await owner.Client.PostAsync($"/clientes/importar/{id}");

        var ana = await owner.CustomerAsync("+5511966661111");
        Assert.Equal(("Ana", balance), (ana.Name, ana.Balance));
    }

    [Theory]
    [InlineData("nome;saldo\nAna;10\n", "O arquivo precisa de uma coluna Celular")]
    [InlineData("", "Escolha o arquivo CSV dos clientes.")]
    public async Task A_file_that_cannot_be_imported_says_why(string csv, string message)
    {
        var owner = await app.SignUpAsync();
        var page = await owner.Client.UploadAsync("/clientes/importar", "arquivo", "c.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Contains(message, page.Text, StringComparison.Ordinal);
        Assert.False(page.Shows("Importar 0 clientes"));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task The_export_opens_in_a_ptBR_spreadsheet_and_neutralises_formulas()
    {
        var owner = await app.SignUpAsync();
        await owner.Client.RegisterPurchaseAsync("11955551111", "1234,5", name: "=HYPERLINK(\"http://x\")");
        await owner.Client.RegisterPurchaseAsync("21955552222", "10", name: "@SUM(A1)");
        await owner.Client.RegisterPurchaseAsync("31955553333", "10", name: "Bia");
        var bia = await owner.CustomerAsync("+5531955553333");
        await owner.Client.PostAsync($"/clientes/{bia.Id}/anonimizar", new Dictionary<string, string> { ["confirm"] = "true" });

        using var response = await owner.Client.Http.GetAsync(new Uri("/clientes/exportar.csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\n')).ToList();
        Assert.StartsWith("Celular;Nome;E-mail;Nascimento;Classe;Saldo", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count);   // the anonymised customer is left out
        Assert.StartsWith("(11) 95555-1111;\"'=HYPERLINK(\"\"http://x\"\")\";;;A;1.234;1.234;1.234,50;1;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("(21) 95555-2222;\"'@SUM(A1)\";;;C;10;10;10,00;1;", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("anonimizado", StringComparison.Ordinal));
    }
}
