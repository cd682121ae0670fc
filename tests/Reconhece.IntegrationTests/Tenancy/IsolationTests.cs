using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;
using Xunit;

namespace Reconhece.IntegrationTests.Tenancy;

/// <summary>The isolation suite as the app runs: both walls (the EF filter and row-level security).</summary>
public sealed class IsolationTests(AppFactory app) : IsolationSuite<AppFactory>(app);

/// <summary>The same suite with the EF tenant filter switched off: the database wall alone must hold.</summary>
public sealed class IsolationWithoutEfFilterTests(NoEfFilterAppFactory app) : IsolationSuite<NoEfFilterAppFactory>(app);

/// <summary>
/// Two businesses, each trying the other's ids. Every route that takes an id answers 404 and changes
/// nothing; every id carried in a form changes nothing of the other business; every tenant-owned
/// entity is invisible and unwritable from the other business. Runs twice (above).
/// </summary>
public abstract partial class IsolationSuite<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : AppFactory
{
    /// <summary>Every tenant-owned entity, with the test below that proves it is isolated. A new entity must be added here.</summary>
    private static readonly Type[] Covered =
    [
        typeof(Branch), typeof(AppUser), typeof(LoyaltyProgram), typeof(Customer), typeof(Purchase),
        typeof(LedgerEntry), typeof(Recognition), typeof(AuditEntry), typeof(ReportRun), typeof(ReportFile),
        typeof(AuthSession), typeof(ReportRecipient), typeof(ReportRequest), typeof(Contact), typeof(ConsentEvent),
        typeof(GroupInvitation), typeof(InvitationGuest), typeof(CustomerAlias), typeof(BlockedPhone), typeof(PrivacyRequest),
        typeof(CustomerImport), typeof(Promotion), typeof(PromotionMember), typeof(TillTotal), typeof(HistoryDay),
        typeof(MailBudgetDay),
        typeof(OutboxMessage), typeof(WhatsAppTemplate),
    ];

    [Fact]
    public async Task Every_tenant_owned_entity_is_covered_by_an_isolation_test()
    {
        var tenantOwned = await app.AnonymousAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Select(e => e.ClrType).Where(t => typeof(ITenantOwned).IsAssignableFrom(t)).ToList()));
        Assert.Equal(Covered.OrderBy(t => t.Name), tenantOwned.OrderBy(t => t.Name));
    }


    [Fact]
    public async Task The_suite_runs_with_the_ef_filter_as_its_name_says()
    {
        var (on, filters) = await app.AnonymousAsync(db => Task.FromResult(
            (db.TenantFilterOn, db.Model.FindEntityType(typeof(Customer))!.GetDeclaredQueryFilters().Count)));
        Assert.Equal(app is not NoEfFilterAppFactory, on);
        Assert.Equal(on ? 1 : 0, filters);
    }

    [Theory]
    [MemberData(nameof(IsolationCases.IdRoutes), MemberType = typeof(IsolationCases))]
    public async Task Another_business_ids_answer_404_and_change_nothing(string method, string route)
    {
        var seed = await SeededAAsync();
        var a = seed.Owner;
        var b = await app.SignUpAsync("Empresa B");
        var url = route.Replace("{branch}", a.BranchId.ToString(), StringComparison.Ordinal)
            .Replace("{promotion}", seed.Promotion.ToString(), StringComparison.Ordinal)
            .Replace("{request}", seed.Request.ToString(), StringComparison.Ordinal)
            .Replace("{import}", seed.Import, StringComparison.Ordinal)
            .Replace("{invitation}", seed.Invitation.ToString(), StringComparison.Ordinal)
            .Replace("{staff}", seed.Staff.ToString(), StringComparison.Ordinal)
            .Replace("{purchase}", seed.Purchase.ToString(), StringComparison.Ordinal)
            .Replace("{customer}", seed.Customer.ToString(), StringComparison.Ordinal);
        var before = await SnapshotAsync(a.BusinessId);

        var page = method == "GET"
            ? await b.Client.GetAsync(url)
            : await b.Client.PostAsync(url, new Dictionary<string, string>
            {
                ["Name"] = "Tomada", ["FullName"] = "Tomada", ["Email"] = Scenario.UniqueEmail("tomada"),
                ["BranchId"] = b.BranchId.ToString(), ["Role"] = "Atendente", ["Points"] = "100", ["Reason"] = "tomada",
                ["What"] = "tomada", ["IdempotencyKey"] = Guid.NewGuid().ToString(), ["confirm"] = "true", ["Right"] = "2",
            });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(page.Shows("Página não encontrada."));
        Assert.DoesNotContain("Pessoa de A", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cliente de A", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(a.BusinessId));
    }

    [Theory]
    [InlineData("curva-abc")]
    [InlineData("meta-atingida")]
    [InlineData("novos-clientes")]
    [InlineData("clientes-inativos")]
    public async Task Another_business_report_pdfs_answer_404_and_its_runs_are_not_listed(string slug)
    {
        var a = await app.SignUpAsync("Empresa A");
        await a.Client.RegisterPurchaseAsync("11955554444", "600", name: "Cliente de A");
        var aPage = await a.Client.PressAsync("/relatorios/gerar");
        var url = aPage.PdfLinks(aPage.FirstRunId())[slug];
        var b = await app.SignUpAsync("Empresa B");

        using var response = await b.Client.Http.GetAsync(new Uri(url, UriKind.Relative));
        var bList = await b.Client.GetAsync("/relatorios");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(aPage.FirstRunId(), bList.Doc.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await a.Client.Http.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_report_whatsapp_link_made_for_one_business_never_opens_another_business_customer()
    {
        var a = await app.SignUpAsync("Empresa A");
        await a.Client.RegisterPurchaseAsync("11955553333", "60", name: "Cliente de A");
        var customerOfA = (await a.CustomerAsync("+5511955553333")).Id;
        var b = await app.SignUpAsync("Empresa B");
        var links = app.Services.GetRequiredService<Reconhece.Web.Features.Reports.WhatsAppShortLinks>();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // A valid MAC for business B naming A's customer: B's walls find no such customer.
        var crossed = links.Url(b.BusinessId, customerOfA, AgendaList.Goal);
        using var response = await client.GetAsync(new Uri(crossed.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("wa.me", response.Headers.Location?.AbsoluteUri ?? "", StringComparison.Ordinal);
        // The same customer's own link opens WhatsApp.
        using var own = await client.GetAsync(new Uri(links.Url(a.BusinessId, customerOfA, AgendaList.Goal).PathAndQuery, UriKind.Relative));
        Assert.StartsWith("https://wa.me/5511955553333", own.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_show_only_the_own_business()
    {
        var a = await app.SignUpAsync("Empresa A");
        await a.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Filial Secreta de A" });
        await a.AddStaffAsync("Funcionária Secreta de A");
        var b = await app.SignUpAsync("Empresa B");

        var branches = await b.Client.GetAsync("/filiais");
        var staff = await b.Client.GetAsync("/equipe");

        Assert.DoesNotContain("Filial Secreta de A", branches.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Funcionária Secreta de A", staff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Email, staff.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_of_one_business_are_invisible_to_another_even_with_the_same_phone()
    {
        var a = await app.SignUpAsync("Empresa A");
        await a.Client.RegisterPurchaseAsync("11955554444", "600", name: "Cliente de A");
        var b = await app.SignUpAsync("Empresa B");

        var search = await b.Client.GetAsync("/clientes?q=11955554444");
        var eligible = await b.Client.GetAsync("/reconhecimento");
        var dashboard = await b.Client.GetAsync("/painel");
        var lookup = await b.Client.Http.GetStringAsync(new Uri("/clientes/consulta?telefone=11955554444", UriKind.Relative));
        var samePhoneAtB = await b.Client.RegisterPurchaseAsync("11955554444", "10");

        Assert.DoesNotContain("Cliente de A", search.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cliente de A", eligible.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cliente de A", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Cliente novo", lookup, StringComparison.Ordinal);
        Assert.True(samePhoneAtB.Shows("Cliente novo"));
        Assert.Equal(600m, (await a.CustomerAsync("+5511955554444")).Balance);
        Assert.Equal(10m, (await b.CustomerAsync("+5511955554444")).Balance);
    }

    [Fact]
    public async Task Staff_cannot_be_placed_in_another_business_branch()
    {
        var a = await app.SignUpAsync("Empresa A");
        var b = await app.SignUpAsync("Empresa B");

        var page = await b.Client.SubmitAsync("/equipe/novo", new Dictionary<string, string>
        {
            ["FullName"] = "Infiltrado", ["Email"] = Scenario.UniqueEmail("infiltrado"), ["Password"] = Scenario.Password, ["BranchId"] = a.BranchId.ToString(),
        });

        Assert.Equal("Escolha uma filial ativa.", page.FieldError("BranchId"));
        Assert.False(await app.AsAdminAsync(db => db.Users.AnyAsync(u => u.FullName == "Infiltrado")));
    }

    [Fact]
    public async Task Queries_in_one_business_never_see_another_business_rows()
    {
        var a = await app.SignUpAsync("Empresa A");
        await a.AddStaffAsync();
        await a.Client.RegisterPurchaseAsync("11955554444", "600");
        await a.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "300" });
        var aCustomer = (await a.CustomerAsync("+5511955554444")).Id;
        await a.Client.SubmitAsync($"/reconhecimento/{aCustomer}", new Dictionary<string, string>());
        await a.Client.PressAsync("/relatorios/gerar");
        await a.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = "socio@empresa-a.com.br" });
        var aRecipient = await app.InBusinessAsync(a.BusinessId, db => db.ReportRecipients.Select(r => r.Id).SingleAsync());
        using (var scope = app.Services.CreateScope())   // the invitation job, run here: a row of today's mail budget
            await scope.ServiceProvider.GetRequiredService<Reconhece.Web.Features.Reports.ReportRecipients>().InviteAsync(a.BusinessId, aRecipient);
        await a.Client.PostAsync("/acoes/contato", new Dictionary<string, string>
        {
            ["CustomerId"] = aCustomer.ToString(), ["List"] = "0", ["Channel"] = "0", ["Key"] = Guid.NewGuid().ToString(),
        });
        await InvitationAsync(a);
        await a.Client.SubmitAsync($"/clientes/{aCustomer}/sem-contato", new Dictionary<string, string> { ["How"] = "No balcão" });
        // A merge (an alias), a privacy request, and a blocked phone.
        await a.Client.RegisterPurchaseAsync("21944443333", "10");
        var aSecond = (await a.CustomerAsync("+5521944443333")).Id;
        await a.Client.PostAsync($"/clientes/{aCustomer}/unir", new Dictionary<string, string> { ["mergedId"] = aSecond.ToString(), ["key"] = Guid.NewGuid().ToString() });
        await a.Client.SubmitAsync($"/clientes/{aCustomer}/privacidade", new Dictionary<string, string> { ["Right"] = "2" }, $"/clientes/{aCustomer}/pedidos");
        await a.Client.RegisterPurchaseAsync("31944442222", "10");
        var aThird = (await a.CustomerAsync("+5531944442222")).Id;
        await a.Client.PostAsync($"/clientes/{aThird}/bloquear", new Dictionary<string, string> { ["confirm"] = "true" });
        await a.Client.UploadAsync("/clientes/importar", "arquivo", "a.csv", "celular;nome\n11966660000;Importado de A\n"u8.ToArray());
        await PromotionAsync(a);
        await a.Client.SubmitAsync("/caixa", new Dictionary<string, string> { ["Amount"] = "1.000,00" });
        // A stored day of Histórico (today is never stored: yesterday's, as the nightly job writes it).
        await app.InBusinessAsync(a.BusinessId, async db =>
        {
            db.HistoryDays.Add(new HistoryDay { BranchId = a.BranchId, Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), Purchases = 1, Revenue = 10m });
            return await db.SaveChangesAsync();
        });
        // An automatic message planned for A's customer (Features/Messages).
        await app.InBusinessAsync(a.BusinessId, async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), CustomerId = aCustomer, Trigger = MessageTrigger.GoalReached, Occasion = "meta:teste", PlannedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow });
            db.WhatsAppTemplates.Add(new WhatsAppTemplate { Trigger = MessageTrigger.GoalReached, Name = "meta_atingida" });
            return await db.SaveChangesAsync();
        });
        var b = await app.SignUpAsync("Empresa B");

        var seen = await app.InBusinessAsync(b.BusinessId, async db => (
            Businesses: await db.Businesses.Select(x => x.Id).ToListAsync(),
            Branches: await db.Branches.Select(x => x.BusinessId).Distinct().ToListAsync(),
            Users: await db.Users.Select(x => x.BusinessId).Distinct().ToListAsync(),
            FoundById: await db.Branches.FindAsync(a.BranchId),
            Others: await db.Customers.CountAsync() + await db.Purchases.CountAsync() + await db.Ledger.CountAsync()
                + await db.Recognitions.CountAsync() + await db.Audit.CountAsync() + await db.ReportRuns.CountAsync()
                + await db.ReportFiles.CountAsync() + await db.ReportRecipients.CountAsync() + await db.ReportRequests.CountAsync()
                + await db.Contacts.CountAsync() + await db.ConsentEvents.CountAsync()
                + await db.GroupInvitations.CountAsync() + await db.InvitationGuests.CountAsync()
                + await db.CustomerAliases.CountAsync() + await db.BlockedPhones.CountAsync() + await db.PrivacyRequests.CountAsync()
                + await db.CustomerImports.CountAsync() + await db.Promotions.CountAsync() + await db.PromotionMembers.CountAsync()
                + await db.TillTotals.CountAsync() + await db.HistoryDays.CountAsync() + await db.MailBudgetDays.CountAsync()
                + await db.OutboxMessages.CountAsync() + await db.WhatsAppTemplates.CountAsync(),
            Sessions: await db.AuthSessions.Select(x => x.BusinessId).Distinct().ToListAsync(),
            Programs: await db.Programs.Select(x => x.BusinessId).ToListAsync()));

        Assert.Equal([b.BusinessId], seen.Businesses);
        Assert.Equal([b.BusinessId], seen.Branches);
        Assert.Equal([b.BusinessId], seen.Users);
        Assert.Null(seen.FoundById);
        Assert.Equal(0, seen.Others);
        Assert.Equal([b.BusinessId], seen.Sessions);
        Assert.Equal([b.BusinessId], seen.Programs);
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.Recognitions.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.ReportRecipients.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.Contacts.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.ConsentEvents.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.InvitationGuests.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.CustomerAliases.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.PrivacyRequests.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.BlockedPhones.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.CustomerImports.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.Promotions.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.TillTotals.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.HistoryDays.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.MailBudgetDays.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.OutboxMessages.CountAsync()));
        Assert.Equal(1, await app.InBusinessAsync(a.BusinessId, db => db.WhatsAppTemplates.CountAsync()));
        Assert.True(await app.InBusinessAsync(a.BusinessId, db => db.PromotionMembers.AnyAsync()));
        Assert.True(await app.InBusinessAsync(a.BusinessId, db => db.AuthSessions.AnyAsync()));
    }

    [Fact]
    public async Task Saving_a_row_of_another_business_is_refused()
    {
        var a = await app.SignUpAsync("Empresa A");
        var b = await app.SignUpAsync("Empresa B");

        await Assert.ThrowsAsync<TenantViolationException>(() => app.InBusinessAsync(b.BusinessId, db =>
        {
            db.Branches.Add(new Branch { Name = "Plantada", BusinessId = a.BusinessId });
            return db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<TenantViolationException>(() => app.InBusinessAsync(b.BusinessId, db =>
        {
            var stranger = new Branch { Id = a.BranchId, Name = "Renomeada", BusinessId = a.BusinessId };
            db.Branches.Attach(stranger).Property(x => x.Name).IsModified = true;
            return db.SaveChangesAsync();
        }));
        var aUser = await app.AsAdminAsync(db => db.Users.AsNoTracking().FirstAsync(u => u.BusinessId == a.BusinessId));
        await Assert.ThrowsAsync<TenantViolationException>(() => app.InBusinessAsync(b.BusinessId, db =>
        {
            db.Users.Attach(aUser).Property(x => x.FullName).IsModified = true;
            aUser.FullName = "Sequestrado";
            return db.SaveChangesAsync();
        }));

        Assert.Equal(["Principal"], await app.InBusinessAsync(a.BusinessId, db => db.Branches.Select(x => x.Name).ToListAsync()));
    }

    [Fact]
    public async Task New_rows_are_stamped_with_the_current_business()
    {
        var a = await app.SignUpAsync("Empresa A");

        var stamped = await app.InBusinessAsync(a.BusinessId, async db =>
        {
            var branch = new Branch { Name = "Carimbada" };
            db.Branches.Add(branch);
            await db.SaveChangesAsync();
            return branch.BusinessId;
        });

        Assert.Equal(a.BusinessId, stamped);
    }

    /// <summary>A group invitation of <paramref name="owner"/>'s business (its class A customers), made through the form.</summary>
    private static async Task<Guid> InvitationAsync(OwnerSession owner)
    {
        var page = await owner.Client.SubmitAsync("/acoes/convites", new Dictionary<string, string>
        {
            ["Occasion"] = "Festa de A", ["OccasionDate"] = "12/12/2026", ["Audience"] = "ClassA",
        });
        return Guid.Parse(page.Url.AbsolutePath.Split('/').Last());
    }

    /// <summary>A promotion of <paramref name="owner"/>'s business for its class A customers (so it has an audience), made through the form.</summary>
    private static async Task<Guid> PromotionAsync(OwnerSession owner)
    {
        var form = await owner.Client.GetAsync("/promocoes/nova");
        var page = await owner.Client.SubmitAsync("/promocoes/nova", new Dictionary<string, string>
        {
            ["Name"] = "Promoção de " + owner.BusinessName, ["Audience"] = "classe-a", ["ControlPercent"] = "0",
        });
        Assert.True(page.Url.AbsolutePath.StartsWith("/promocoes/", StringComparison.Ordinal), form.Text);
        return Guid.Parse(page.Url.AbsolutePath.Split('/').Last());
    }

    private Task<string> SnapshotAsync(Guid businessId) => app.InBusinessAsync(businessId, async db =>
    {
        var branches = await db.Branches.OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.Name}:{x.Address}:{x.IsActive}").ToListAsync();
        var users = await db.Users.OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.FullName}:{x.Email}:{x.IsActive}:{x.BranchId}:{x.SecurityStamp}").ToListAsync();
        var customers = await db.Customers.OrderBy(x => x.Id)
            .Select(x => $"{x.Id}:{x.Phone}:{x.Name}:{x.Balance}:{x.Visits}:{x.EligibleSince}:{x.ContactOptOutAt}:{x.AgendaSnoozedUntil}:{x.AnonymizedAt}").ToListAsync();
        var purchases = await db.Purchases.OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.Points}:{x.ReversedAt}").ToListAsync();
        var counts = $"{await db.Ledger.CountAsync()}:{await db.Recognitions.CountAsync()}:{await db.Audit.CountAsync()}"
            + $":{await db.ReportRuns.CountAsync()}:{await db.ReportFiles.CountAsync()}:{await db.Contacts.CountAsync()}:{await db.ConsentEvents.CountAsync()}"
            + $":{await db.GroupInvitations.CountAsync()}:{await db.InvitationGuests.CountAsync(g => g.ContactedAt != null)}"
            + $":{await db.CustomerAliases.CountAsync()}:{await db.BlockedPhones.CountAsync()}:{await db.PrivacyRequests.CountAsync(r => r.AnsweredAt != null)}"
            + $":{await db.CustomerImports.CountAsync()}:{await db.PromotionMembers.CountAsync()}:{await db.OutboxMessages.CountAsync()}:{await db.WhatsAppTemplates.CountAsync()}"
            + string.Join(",", await db.HistoryDays.OrderBy(x => x.BranchId).ThenBy(x => x.Day).Select(x => $"{x.BranchId}:{x.Day}:{x.Purchases}:{x.Revenue}").ToListAsync())
            + string.Join(",", await db.TillTotals.OrderBy(x => x.BranchId).ThenBy(x => x.Day).Select(x => $"{x.BranchId}:{x.Day}:{x.Amount}").ToListAsync())
            + string.Join(",", await db.Promotions.OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.Name}:{x.StoppedAt}:{x.EndsAt}:{x.BonusGranted}").ToListAsync());
        return string.Join("|", branches.Concat(users).Concat(customers).Concat(purchases).Append(counts));
    });
}
