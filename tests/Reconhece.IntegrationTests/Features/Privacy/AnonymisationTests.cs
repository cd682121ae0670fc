using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Privacy;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Privacy;

/// <summary>LGPD art. 18 IV and VI: "Anonimizar" and "Bloquear" leave no personal data anywhere, and the totals stay.</summary>
public sealed class AnonymisationTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private const string Phone = "+5511976543210";
    private const string OldPhone = "+5511976540000";
    private const string AliasPhone = "+5521987651234";
    private const string Name = "Zuleica Quintanilha";
    private const string Email = "zuleica.quintanilha@example.com";

    [Fact]
    public async Task Anonymising_sweeps_every_text_column_of_the_database_and_the_totals_do_not_change()
    {
        var owner = await app.SignUpAsync("Adega Sigilo");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["CollectEmail"] = "true", ["CollectBirthDate"] = "true" });
        var lastWeek = ReportSchedule.LastCompleteWeek(DateTime.UtcNow, ReportScenario.SaoPaulo);
        app.Clock.Now = ReportScenario.LocalSp(lastWeek.AddDays(1), 11);
        await owner.Client.SubmitAsync("/registrar", new Dictionary<string, string>
        {
            ["Phone"] = "(11) 97654-0000", ["Amount"] = "900", ["Customer.Name"] = Name, ["Customer.Email"] = Email, ["Customer.BirthDate"] = "03/04/1980",
        });
        await owner.Client.RegisterPurchaseAsync("21987651234", "50", name: "Zuleica Q.");
        await owner.Client.RegisterPurchaseAsync("11955550000", "80", name: "Outro Cliente");
        app.Clock.Now = null;
        var customer = await owner.CustomerAsync(OldPhone);
        var alias = await owner.CustomerAsync(AliasPhone);
        // Everything that writes the phone or the name somewhere else: an audited phone change, an alias by
        // merge, free text the owner typed, a report run with PDFs and a summary, a consent record, a request.
        await owner.Client.SubmitAsync($"/clientes/{customer.Id}/celular", new Dictionary<string, string> { ["phone"] = Phone });
        await owner.Client.PostAsync($"/clientes/{customer.Id}/unir", new Dictionary<string, string> { ["mergedId"] = alias.Id.ToString(), ["key"] = Guid.NewGuid().ToString() });
        await owner.Client.SubmitAsync($"/clientes/{customer.Id}", new Dictionary<string, string> { ["Points"] = "5", ["Reason"] = $"cartão de papel de {Name}, (11) 97654-3210" }, $"/clientes/{customer.Id}/ajuste");
        await owner.Client.SubmitAsync($"/clientes/{customer.Id}/sem-contato", new Dictionary<string, string> { ["How"] = $"{Name} pediu pelo 11976543210" });
        await owner.Client.SubmitAsync($"/clientes/{customer.Id}/privacidade", new Dictionary<string, string> { ["Right"] = "6", ["Note"] = $"{Name} ligou do 11 97654-3210" }, $"/clientes/{customer.Id}/pedidos");
        var reports = await owner.Client.PressAsync("/relatorios/gerar");
        var before = await TotalsAsync(owner);
        Assert.Contains(Name, string.Join("\n", ReportScenario.PdfLines(await owner.Client.DownloadAsync(reports.PdfLinks(reports.FirstRunId())["curva-abc"]))));
        Assert.NotEmpty(await SweepAsync([Phone, OldPhone, AliasPhone], Name, Email, "Quintanilha"));   // the sweep sees what it looks for

        var page = await owner.Client.SubmitAsync($"/clientes/{customer.Id}/privacidade", new Dictionary<string, string> { ["confirm"] = "true" }, $"/clientes/{customer.Id}/anonimizar");

        Assert.True(page.Shows("Cliente anonimizado: celular, nome, e-mail e data de nascimento foram apagados."), page.Text);
        Assert.Empty(await SweepAsync([Phone, OldPhone, AliasPhone], Name, Email, "Quintanilha"));
        var after = await app.InBusinessAsync(owner.BusinessId, db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        Assert.Null(after.BirthDate);
        Assert.NotNull(after.AnonymizedAt);
        Assert.Equal(before, await TotalsAsync(owner));
        // A report built now counts the customer, unnamed: the same totals, no phone.
        var rebuilt = await owner.Client.PressAsync("/relatorios/gerar", new Dictionary<string, string> { ["requestKey"] = Guid.NewGuid().ToString() });
        var abc = string.Join("\n", ReportScenario.PdfLines(await owner.Client.DownloadAsync(rebuilt.PdfLinks(rebuilt.FirstRunId())["curva-abc"])));
        Assert.Contains("anonimizado", abc, StringComparison.Ordinal);
        Assert.DoesNotContain("97654", abc, StringComparison.Ordinal);
        Assert.Empty(await SweepAsync([Phone, OldPhone, AliasPhone], Name, Email, "Quintanilha"));
        // The customer no longer shows in the lists, and the request was answered by the action.
        Assert.False((await owner.Client.GetAsync("/clientes")).Shows("anonimizado"));
        Assert.True(await app.InBusinessAsync(owner.BusinessId, db => db.PrivacyRequests.AllAsync(r => r.AnsweredAt != null)));
        await owner.AssertBalancesMatchLedgerAsync();
    }

    [Fact]
    public async Task A_blocked_phone_earns_nothing_stores_nothing_and_the_block_list_holds_no_number()
    {
        var owner = await app.SignUpAsync("Adega Bloqueio");
        await owner.Client.RegisterPurchaseAsync("11976549999", "40", name: "Zenóbia Bloqueada");
        var customer = await owner.CustomerAsync("+5511976549999");
        await owner.Client.SubmitAsync($"/clientes/{customer.Id}/privacidade", new Dictionary<string, string> { ["confirm"] = "true" }, $"/clientes/{customer.Id}/bloquear");
        var purchases = await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync());
        var staff = await owner.AddStaffAsync("Caixa");
        var counter = await app.SignInAsync(staff.Email, staff.Password);

        foreach (var typed in new[] { "(11) 97654-9999", "011 97654 9999", "+55 11 97654-9999" })
        {
            var page = await counter.Client.RegisterPurchaseAsync(typed, "25", name: "Zenóbia");
            Assert.Equal("Este cliente pediu para não participar do programa. Nada foi registrado.", page.FieldError("Phone"));
        }
        var lookup = await counter.Client.Http.GetStringAsync(new Uri("/clientes/consulta?telefone=11976549999", UriKind.Relative));
        Assert.Equal("Este cliente pediu para não participar do programa.", System.Text.Json.JsonDocument.Parse(lookup).RootElement.GetProperty("text").GetString());

        Assert.Equal(purchases, await app.InBusinessAsync(owner.BusinessId, db => db.Purchases.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Customers.CountAsync()));
        Assert.Empty(await SweepAsync(["+5511976549999"], "Zenóbia"));
        var stored = await app.InBusinessAsync(owner.BusinessId, db => db.BlockedPhones.Select(b => b.PhoneHash).SingleAsync());
        Assert.Equal(PhoneBlockList.Hash(AppFactory.PhoneHashKey, owner.BusinessId, "+5511976549999"), stored);
        // The list is per business: another shop registers the same number as usual.
        var other = await app.SignUpAsync("Outra Adega");
        Assert.True((await other.Client.RegisterPurchaseAsync("11976549999", "10")).Shows("Cliente novo"));
    }

    [Fact]
    public async Task Anonymising_needs_the_confirmation_and_a_second_tap_changes_nothing()
    {
        var owner = await app.SignUpAsync("Adega Confirma");
        await owner.Client.RegisterPurchaseAsync("11976548888", "40", name: "Zilá Confirma");
        var customer = await owner.CustomerAsync("+5511976548888");

        var unconfirmed = await owner.Client.PostAsync($"/clientes/{customer.Id}/anonimizar");
        Assert.True(unconfirmed.Shows("Marque a confirmação para continuar. Nada foi alterado."), unconfirmed.Text);
        Assert.Equal("Zilá Confirma", (await owner.CustomerAsync("+5511976548888")).Name);

        var taps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => owner.Client.PostAsync($"/clientes/{customer.Id}/anonimizar", new Dictionary<string, string> { ["confirm"] = "true" })));
        // Which tap reads which flash depends on the test client's shared cookie jar; the audit says what happened.
        Assert.Contains(taps, t => t.Shows("Cliente anonimizado:"));
        Assert.True((await owner.Client.PostAsync($"/clientes/{customer.Id}/anonimizar", new Dictionary<string, string> { ["confirm"] = "true" })).Shows("Isto já tinha sido feito."));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Audit.CountAsync(a => a.Field == AnonymiseCustomer.AuditField)));
    }

    private async Task<(int, int, decimal, decimal, decimal, int, string)> TotalsAsync(OwnerSession owner)
    {
        var painel = await owner.Client.GetAsync("/painel");
        var cards = string.Join("|", painel.Doc.QuerySelectorAll(".big").Select(e => e.TextContent.Trim()));
        return await app.InBusinessAsync(owner.BusinessId, async db => (
            await db.Customers.CountAsync(c => c.Visits > 0), await db.Purchases.CountAsync(),
            await db.Purchases.SumAsync(p => p.Amount ?? 0), await db.Customers.SumAsync(c => c.Balance), await db.Customers.SumAsync(c => c.LifetimePoints),
            await db.Customers.CountAsync(c => c.FirstPurchaseAt != null), cards));
    }

    /// <summary>Every text, bytea (PDFs read as text) and json column of every table, for the phones in every spelling, the name and the email.</summary>
    private Task<List<string>> SweepAsync(string[] phones, params string[] words) => app.AsAdminAsync(async db =>
    {
        var needles = phones.SelectMany(BrazilianPhone.Spellings).Concat(words).Distinct().ToList();
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema IN ('public', 'hangfire') AND c.data_type IN ('text', 'character varying', 'bytea', 'json', 'jsonb')
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) columns.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        Assert.Contains(columns, c => c.Table == "report_files" && c.Column == "content");
        var found = new List<string>();
        foreach (var (schema, table, column, type) in columns)
        {
            await using var cmd = new NpgsqlCommand($"SELECT \"{column}\"{(type == "bytea" ? "" : "::text")} FROM \"{schema}\".\"{table}\" WHERE \"{column}\" IS NOT NULL", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                string text;
                if (type == "bytea")
                {
                    var bytes = (byte[])r.GetValue(0);
                    text = bytes.Length > 4 && Encoding.ASCII.GetString(bytes, 0, 4) == "%PDF" ? string.Join("\n", ReportScenario.PdfLines(bytes)) : Encoding.UTF8.GetString(bytes);
                }
                else text = r.GetString(0);
                found.AddRange(needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{schema}.{table}.{column}: {n}"));
            }
        }
        return found;
    });
}
