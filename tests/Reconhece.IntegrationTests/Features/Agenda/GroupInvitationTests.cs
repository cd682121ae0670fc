using System.Text;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Agenda;

/// <summary>Group invitations: the guests, one link each, the CSV, logging contacts, and attendance.</summary>
public sealed class GroupInvitationTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task An_invitation_to_class_a_leaves_out_who_said_no_gives_a_safe_csv_logs_contacts_once_and_counts_attendance()
    {
        var owner = await app.SignUpAsync("Sorveteria Lançamento");
        await owner.Client.RegisterPurchaseAsync("11987653001", "900", name: "=HYPERLINK(\"http://x\")");
        await owner.Client.RegisterPurchaseAsync("11987653002", "800", name: "Bruno Grande");
        await owner.Client.RegisterPurchaseAsync("11987653003", "700", name: "Carla Calada");
        await owner.Client.RegisterPurchaseAsync("11987653004", "10", name: "Dora Pequena");
        var quiet = (await owner.CustomerAsync("+5511987653003")).Id;
        await owner.Client.SubmitAsync($"/clientes/{quiet}/sem-contato", new Dictionary<string, string> { ["How"] = "Pelo WhatsApp" });
        // The occasion is tomorrow; the purchases above were today, so they are not attendance.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ReportScenario.SaoPaulo)).AddDays(1);

        var bad = await owner.Client.SubmitAsync("/acoes/convites", new Dictionary<string, string> { ["Occasion"] = "", ["OccasionDate"] = "31/02/2026" });
        Assert.Equal("Dê um nome à ocasião. Ex.: Lançamento do sabor de pistache.", bad.FieldError("Occasion"));
        Assert.Equal("Informe a data no formato dd/mm/aaaa.", bad.FieldError("OccasionDate"));

        var fields = new Dictionary<string, string>
        {
            ["Occasion"] = "Lançamento do pistache", ["OccasionDate"] = today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Audience"] = "ClassA", ["Message"] = "Oi {nome}! {ocasiao} na {negocio}, dia {data}.", ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        };
        var page = await owner.Client.PostAsync("/acoes/convites", fields);
        var twice = await owner.Client.PostAsync("/acoes/convites", fields);
        Assert.Equal(page.Url, twice.Url);
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.GroupInvitations.CountAsync()));

        // Class A of 900/800/700/10 with A at 80%: the first three; the one who said no is left out.
        var links = page.Doc.QuerySelectorAll("a[href^='https://wa.me/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains("https://wa.me/5511987653002?text=" + Uri.EscapeDataString($"Oi Bruno! Lançamento do pistache na Sorveteria Lançamento, dia {today:dd/MM}."), links);
        Assert.DoesNotContain("Carla Calada", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dora Pequena", page.Text, StringComparison.Ordinal);

        var invitation = page.Url.AbsolutePath;
        using var csvResponse = await owner.Client.Http.GetAsync(new Uri(invitation + "/convidados.csv", UriKind.Relative));
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        Assert.Equal("Nome;Celular", csv[0]);
        Assert.Contains("Bruno Grande;(11) 98765-3002", csv);
        Assert.DoesNotContain(csv, l => l.Contains("Carla", StringComparison.Ordinal));
        // A name that a spreadsheet would run as a formula is escaped, not executed.
        Assert.Contains(csv, l => l.Contains("'=HYPERLINK", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, l => l.StartsWith('=') || l.StartsWith("\"=", StringComparison.Ordinal));

        var bruno = (await owner.CustomerAsync("+5511987653002")).Id;
        await owner.Client.PostAsync(invitation + "/contato", new Dictionary<string, string> { ["customerId"] = bruno.ToString() });
        var again = await owner.Client.PostAsync(invitation + "/contato", new Dictionary<string, string> { ["customerId"] = bruno.ToString() });
        Assert.True(again.Shows("Este contato já tinha sido registrado."), again.Text);
        var unconfirmed = await owner.Client.PostAsync(invitation + "/todos", new Dictionary<string, string>());
        Assert.True(unconfirmed.Shows("Marque a confirmação"), unconfirmed.Text);
        var all = await owner.Client.PostAsync(invitation + "/todos", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.True(all.Shows("1 contatos registrados."), all.Text);
        Assert.Equal(2, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));

        Assert.True((await owner.Client.GetAsync(invitation)).Shows($"O comparecimento aparece aqui: quem comprar em {today:dd/MM/yyyy}."));
        app.Clock.Now = ReportScenario.LocalSp(today, 15);
        Page after;
        try
        {
            await owner.Client.RegisterPurchaseAsync("11987653002", "30");
            after = await owner.Client.GetAsync(invitation);
        }
        finally { app.Clock.Now = null; }
        Assert.True(after.Shows($"Compareceram (compraram em {today:dd/MM/yyyy}): 1 de 2."), after.Text);
    }
}
