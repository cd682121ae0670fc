using System.Net;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Running;

/// <summary>
/// Every column limit a person can reach, taken from the EF model: each form field that writes a limited
/// column gets a value one character over the limit, and must answer with a pt-BR message, no 500, and
/// nothing stored anywhere in the database. The same field with an ordinary value is then accepted and
/// changes the database, which shows the "nothing stored" check can see a write.
/// </summary>
public sealed class ColumnLimitTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Limited columns nobody types: the app makes them. A new limited column must be here or in a form below.</summary>
    private static readonly HashSet<(Type, string)> MadeByTheApp =
    [
        (typeof(Business), nameof(Business.TimeZoneId)), // chosen from a list, checked against it
        (typeof(Business), nameof(Business.Culture)),
        (typeof(ReportRun), nameof(ReportRun.MessageId)),
        (typeof(ReportRun), nameof(ReportRun.TopCustomer)), // cut by the report builder on purpose
        (typeof(ReportFile), nameof(ReportFile.FileName)),
        (typeof(OutboxMessage), nameof(OutboxMessage.Occasion)), // made by MessageTriggers: a prefix and a date, 23 characters at most
        (typeof(OutboxMessage), nameof(OutboxMessage.ProviderId)), // Meta's wamid, about 60 characters
        (typeof(ReportRecipient), nameof(ReportRecipient.TokenHash)),
        (typeof(AuditEntry), nameof(AuditEntry.Subject)),
        (typeof(AuditEntry), nameof(AuditEntry.Field)),
        // Identity's own columns: the user name and the normalized forms are derived from the e-mail.
        (typeof(AppUser), nameof(AppUser.UserName)),
        (typeof(AppUser), nameof(AppUser.NormalizedUserName)),
        (typeof(AppUser), nameof(AppUser.NormalizedEmail)),
        (typeof(AppRole), nameof(AppRole.Name)),
        (typeof(AppRole), nameof(AppRole.NormalizedName)),
        (typeof(PrivacySettings), nameof(PrivacySettings.Slug)),   // made from the name at sign-up
        (typeof(CustomerAlias), nameof(CustomerAlias.Phone)),       // a customer's phone, kept by a merge
        (typeof(CustomerImport), nameof(CustomerImport.FileName)),  // the uploaded file's name, cut to fit
    ];

    /// <summary>A form, the fields on it that write limited columns, and ordinary values that it accepts.</summary>
    private sealed record Form(string Name, Func<AppClient> Client, string Page, string Action, (string Field, Type Entity, string Property)[] Fields,
        Func<string, Dictionary<string, string>> Valid);

    [Fact]
    public async Task A_value_one_character_over_any_column_limit_gets_a_message_and_stores_nothing()
    {
        var owner = await app.SignUpAsync("Loja Limites");
        var staff = await owner.AddStaffAsync("Pessoa Limite");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "10", ["CollectName"] = "true", ["CollectEmail"] = "true" });
        await owner.Client.RegisterPurchaseAsync("11955550001", "900", name: "Cliente Limite");
        var customer = (await owner.CustomerAsync("+5511955550001")).Id;
        var purchase = LoyaltyScenario.PurchaseIdFrom(await owner.Client.RegisterPurchaseAsync("11955550001", "10"));
        await owner.Client.RegisterPurchaseAsync("21955550002", "10", name: "Cliente Consentimento");
        var consenting = (await owner.CustomerAsync("+5521955550002")).Id;
        AppClient Owner() => owner.Client;
        var n = 0;
        string Unique() => $"Válido {++n}";
        string Email() => Scenario.UniqueEmail("limite");

        Form[] forms =
        [
            new("registrar", Owner, "/registrar", "/registrar",
                [("Phone", typeof(Customer), nameof(Customer.Phone)), ("Customer.Name", typeof(Customer), nameof(Customer.Name)),
                 ("Customer.Email", typeof(Customer), nameof(Customer.Email))],
                // "NotSame": consecutive numbers are one typo apart, and staff say these are different people.
                _ => new() { ["Phone"] = $"11 95555-{1000 + ++n}", ["Amount"] = "10", ["Customer.Name"] = Unique(), ["Customer.Email"] = Email(), ["NotSame"] = "true" }),
            new("editar cliente", Owner, $"/clientes/{customer}/editar", $"/clientes/{customer}/editar",
                [("Name", typeof(Customer), nameof(Customer.Name)), ("Email", typeof(Customer), nameof(Customer.Email))],
                field => new() { [field] = field == "Email" ? Email() : Unique() }),
            new("ajuste", Owner, $"/clientes/{customer}", $"/clientes/{customer}/ajuste",
                [("Reason", typeof(LedgerEntry), nameof(LedgerEntry.Reason))],
                _ => new() { ["Points"] = "5", ["Reason"] = Unique() }),
            new("programa", Owner, "/programa", "/programa",
                [("UnitName", typeof(LoyaltyProgram), nameof(LoyaltyProgram.UnitName)),
                 ("RecognitionText", typeof(LoyaltyProgram), nameof(LoyaltyProgram.RecognitionText)),
                 ("InvitationMessage", typeof(LoyaltyProgram), nameof(LoyaltyProgram.InvitationMessage))],
                field => new() { [field] = Unique() }),
            new("estornar", Owner, $"/compras/{purchase}", $"/compras/{purchase}/estornar",
                [("Reason", typeof(Purchase), nameof(Purchase.ReversalReason))], _ => new() { ["Reason"] = Unique() }),
            new("negócio", Owner, "/negocio", "/negocio",
                [("Name", typeof(Business), nameof(Business.Name))], _ => new() { ["Name"] = Unique() }),
            new("nova filial", Owner, "/filiais/nova", "/filiais/nova",
                [("Name", typeof(Branch), nameof(Branch.Name)), ("Address", typeof(Branch), nameof(Branch.Address))],
                _ => new() { ["Name"] = Unique(), ["Address"] = Unique() }),
            new("editar filial", Owner, $"/filiais/{owner.BranchId}/editar", $"/filiais/{owner.BranchId}/editar",
                [("Name", typeof(Branch), nameof(Branch.Name)), ("Address", typeof(Branch), nameof(Branch.Address))],
                field => new() { [field] = Unique() }),
            new("nova pessoa", Owner, "/equipe/novo", "/equipe/novo",
                [("FullName", typeof(AppUser), nameof(AppUser.FullName)), ("Email", typeof(AppUser), nameof(AppUser.Email))],
                _ => new() { ["FullName"] = Unique(), ["Email"] = Email(), ["Password"] = Scenario.Password, ["BranchId"] = owner.BranchId.ToString() }),
            new("editar pessoa", Owner, $"/equipe/{staff.UserId}/editar", $"/equipe/{staff.UserId}/editar",
                [("FullName", typeof(AppUser), nameof(AppUser.FullName)), ("Email", typeof(AppUser), nameof(AppUser.Email))],
                field => new() { [field] = field == "Email" ? Email() : Unique() }),
            new("reconhecer", Owner, $"/reconhecimento/{customer}", $"/reconhecimento/{customer}",
                [("What", typeof(Recognition), nameof(Recognition.What))], _ => new() { ["What"] = Unique() }),
            new("relatórios", Owner, "/relatorios/configuracoes", "/relatorios/configuracoes",
                [("ExtraRecipients", typeof(ReportRecipient), nameof(ReportRecipient.Email))], _ => new() { ["ExtraRecipients"] = Email() }),
            // "Não quer contato" first, so that the customer then has the form that undoes it.
            new("sem contato", Owner, $"/clientes/{consenting}/sem-contato", $"/clientes/{consenting}/sem-contato",
                [("How", typeof(ConsentEvent), nameof(ConsentEvent.How))], _ => new() { ["How"] = "No balcão" }),
            new("aceita contato", Owner, $"/clientes/{consenting}", $"/clientes/{consenting}/aceita-contato",
                [("Reason", typeof(ConsentEvent), nameof(ConsentEvent.Reason))], _ => new() { ["Reason"] = Unique() }),
            new("convite", Owner, "/acoes/convites", "/acoes/convites",
                [("Occasion", typeof(GroupInvitation), nameof(GroupInvitation.Occasion)), ("Message", typeof(GroupInvitation), nameof(GroupInvitation.Message))],
                _ => new() { ["Occasion"] = Unique(), ["OccasionDate"] = "12/12/2026", ["Audience"] = "ClassA", ["Message"] = "Oi {nome}, " + Unique() }),
            new("mensagens das Ações", Owner, "/acoes/configuracoes", "/acoes/configuracoes",
                [("GoalTemplate", typeof(AgendaSettings), nameof(AgendaSettings.GoalTemplate)), ("FadingTemplate", typeof(AgendaSettings), nameof(AgendaSettings.FadingTemplate)),
                 ("NearGoalTemplate", typeof(AgendaSettings), nameof(AgendaSettings.NearGoalTemplate)), ("BirthdayTemplate", typeof(AgendaSettings), nameof(AgendaSettings.BirthdayTemplate)),
                 ("NewTemplate", typeof(AgendaSettings), nameof(AgendaSettings.NewTemplate)),
                 ("ExpiringTemplate", typeof(AgendaSettings), nameof(AgendaSettings.ExpiringTemplate))],
                field => new() { [field] = "Oi {nome}, " + Unique() }),
            new("WhatsApp", Owner, "/acoes/automaticas/whatsapp", "/acoes/automaticas/whatsapp",
                [("PhoneNumberId", typeof(WhatsAppChannel), nameof(WhatsAppChannel.PhoneNumberId)),
                 ("Templates[1].Name", typeof(WhatsAppTemplate), nameof(WhatsAppTemplate.Name)),
                 ("Templates[1].Language", typeof(WhatsAppTemplate), nameof(WhatsAppTemplate.Language)),
                 ("Templates[1].Parameters", typeof(WhatsAppTemplate), nameof(WhatsAppTemplate.Parameters))],
                _ => new()
                {
                    ["PhoneNumberId"] = "10" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Token"] = "EAAG-token-de-teste-" + Guid.NewGuid().ToString("N"), ["Templates[1].Name"] = "modelo_" + ++n,
                    ["Templates[1].Language"] = "pt_BR", ["Templates[1].Parameters"] = "{nome}, {cartao}",
                }),
            new("promoção", Owner, "/promocoes/nova", "/promocoes/nova",
                [("Name", typeof(Promotion), nameof(Promotion.Name)), ("Description", typeof(Promotion), nameof(Promotion.Description))],
                _ => new() { ["Name"] = Unique(), ["Description"] = Unique() }),
            new("pedido LGPD", Owner, $"/clientes/{customer}/privacidade", $"/clientes/{customer}/pedidos",
                [("Note", typeof(PrivacyRequest), nameof(PrivacyRequest.Note))], _ => new() { ["Right"] = "2", ["Note"] = Unique() }),
            new("privacidade", Owner, "/privacidade", "/privacidade",
                [("PageText", typeof(PrivacySettings), nameof(PrivacySettings.PageText))], _ => new() { ["PageText"] = Unique() }),
            new("cadastro", app.NewClient, "/cadastro", "/cadastro",
                [("BusinessName", typeof(Business), nameof(Business.Name)), ("OwnerName", typeof(AppUser), nameof(AppUser.FullName)),
                 ("Email", typeof(AppUser), nameof(AppUser.Email)), ("FirstBranchName", typeof(Branch), nameof(Branch.Name))],
                _ => Scenario.SignUpFields(Unique(), Email())),
        ];

        await using var db = TestDatabase.NewAdminContext(app.ConnectionString);
        var limits = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null)
                .Select(p => (Key: (e.ClrType, p.Name), Max: p.GetMaxLength()!.Value)))
            .ToDictionary(x => x.Key, x => x.Max);
        var covered = forms.SelectMany(f => f.Fields.Select(x => (x.Entity, x.Property))).ToHashSet();
        Assert.Empty(limits.Keys.Where(k => !covered.Contains(k) && !MadeByTheApp.Contains(k)).Select(k => $"{k.Item1.Name}.{k.Item2}"));

        var failures = new List<string>();
        var tried = 0;
        foreach (var form in forms)
            foreach (var (field, entity, property) in form.Fields)
            {
                var max = limits[(entity, property)];
                var before = await SnapshotAsync();
                var over = form.Valid(field);
                over[field] = OneOver(property, max);
                var page = await form.Client().SubmitAsync(form.Page, over, form.Action);
                tried++;
                var where = $"{form.Name} · {field} ({entity.Name}.{property}, {max} characters)";
                if (page.Status == HttpStatusCode.InternalServerError) failures.Add($"{where}: 500");
                else if (MessageAbout(page, field) is null) failures.Add($"{where}: no message about the field: {Messages(page)}");
                if (await SnapshotAsync() != before) failures.Add($"{where}: something was stored");

                // The same form with an ordinary value is accepted and stored: the snapshot sees writes.
                var valid = await form.Client().SubmitAsync(form.Page, form.Valid(field), form.Action);
                if (await SnapshotAsync() == before) failures.Add($"{where}: the ordinary value stored nothing: {Messages(valid)}");
            }

        Assert.True(tried >= 20, $"{tried}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>One character over: e-mail fields get an address of that length, phones digits, others letters with accents.</summary>
    private static string OneOver(string property, int max) => property switch
    {
        nameof(Customer.Email) => new string('a', max + 1 - "@exemplo.com.br".Length) + "@exemplo.com.br",
        nameof(Customer.Phone) => new string('9', max + 1),
        _ => string.Concat(Enumerable.Repeat("çã", max)).Substring(0, max + 1),
    };

    /// <summary>The message next to the field; on forms that report by a flash or at the top, that message.</summary>
    private static string? MessageAbout(Page page, string field) =>
        page.FieldError(field) ?? (page.Doc.QuerySelector($"[data-valmsg-for='{field}']") is null && Messages(page) is { Length: > 0 } m ? m : null);

    private static string Messages(Page page) => string.Join(" ", page.Doc.QuerySelectorAll(".errors, [data-valmsg-for], .flash.error")
        .Select(e => Page.Normalize(e.TextContent).Trim()).Where(t => t.Length > 0));

    private Task<string> SnapshotAsync() => DatabaseSnapshot.TakeAsync(app.ConnectionString);
}
