using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Features.Messages;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Messages;

/// <summary>
/// The automatic e-mails through a real SMTP server (in process), with a movable clock (issue 23, decision
/// 009): sent inside the hours and once, the frequency cap across triggers, the holdout never sent, a row a
/// crash left "enviando" never sent again, and the one-click unsubscribe of RFC 8058.
/// </summary>
public sealed class SendMessagesTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly DateTimeOffset Morning = ReportScenario.LocalSp(new DateOnly(2026, 12, 9), 10);

    [Fact]
    public async Task A_due_message_leaves_once_inside_the_hours_with_the_card_link_and_a_one_click_unsubscribe()
    {
        var (owner, customer, address) = await CustomerWithEmailAsync("Adega Mensagem");
        var id = await PlanAsync(owner, customer, MessageTrigger.GoalReached, "meta:1", Morning.UtcDateTime.AddMinutes(-1));
        try
        {
            app.Clock.Now = ReportScenario.LocalSp(new DateOnly(2026, 12, 8), 22);   // at night: it waits
            Assert.Equal(0, await SendAsync(owner));
            Assert.Empty(app.Smtp.To(address));

            app.Clock.Now = Morning;
            Assert.Equal(1, await SendAsync(owner));
            Assert.Equal(0, await SendAsync(owner));
        }
        finally { app.Clock.Now = null; }

        var mail = Assert.Single(app.Smtp.To(address));
        Assert.Equal("Adega Mensagem: você ganhou um brinde especial!", mail.Subject);
        Assert.Equal("Adega Mensagem", mail.From.Mailboxes.Single().Name);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("^<http://[^>]+/descadastrar/[A-Za-z0-9_-]+>$", mail.Headers["List-Unsubscribe"]);
        Assert.Contains("/c/", mail.TextBody, StringComparison.Ordinal);   // the customer's card
        Assert.Contains("Não quer mais receber e-mails de Adega Mensagem? Descadastre-se:", mail.TextBody, StringComparison.Ordinal);
        var row = await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.SingleAsync(m => m.Id == id));
        Assert.Equal((OutboxStatus.Sent, Morning.UtcDateTime), (row.Status, row.SentAt));
    }

    [Fact]
    public async Task The_cap_holds_across_triggers_the_more_valuable_goes_first_and_the_holdout_gets_nothing()
    {
        var (owner, customer, address) = await CustomerWithEmailAsync("Sorveteria Limite");
        var (_, other, otherAddress) = await CustomerWithEmailAsync(owner);
        var birthday = await PlanAsync(owner, customer, MessageTrigger.Birthday, "aniversario:2026", Morning.UtcDateTime.AddHours(-1));
        await PlanAsync(owner, customer, MessageTrigger.GoalReached, "meta:1", Morning.UtcDateTime.AddHours(-1));
        await PlanAsync(owner, other, MessageTrigger.GoalReached, "meta:1", Morning.UtcDateTime.AddHours(-1), OutboxStatus.Holdout);
        try
        {
            app.Clock.Now = Morning;
            Assert.Equal(1, await SendAsync(owner));
            Assert.Contains("você ganhou", Assert.Single(app.Smtp.To(address)).Subject, StringComparison.Ordinal);
            Assert.Equal((OutboxStatus.Planned, Morning.UtcDateTime.AddDays(1)), await StatusAsync(owner, birthday));

            // A day later the cap (1 in 3 days) still holds; three days later the birthday goes.
            app.Clock.Now = Morning.AddDays(1);
            Assert.Equal(0, await SendAsync(owner));
            app.Clock.Now = Morning.AddDays(3).AddMinutes(1);
            Assert.Equal(1, await SendAsync(owner));
        }
        finally { app.Clock.Now = null; }

        Assert.Equal(2, app.Smtp.To(address).Count);
        Assert.Empty(app.Smtp.To(otherAddress));   // the holdout
        Assert.Equal(OutboxStatus.Holdout, await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.Where(m => m.CustomerId == other).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_row_a_crash_left_sending_becomes_uncertain_and_is_never_sent_by_itself()
    {
        var (owner, customer, address) = await CustomerWithEmailAsync("Posto Incerto");
        var id = await PlanAsync(owner, customer, MessageTrigger.Fading, "sumindo:1", Morning.UtcDateTime.AddHours(-1), OutboxStatus.Sending,
            sendingAt: Morning.UtcDateTime - SendMessages.UncertainAfter - TimeSpan.FromMinutes(1));
        try
        {
            app.Clock.Now = Morning;
            Assert.Equal(0, await SendAsync(owner));
            app.Clock.Now = Morning.AddDays(1);
            Assert.Equal(0, await SendAsync(owner));
        }
        finally { app.Clock.Now = null; }

        Assert.Equal(OutboxStatus.Uncertain, (await StatusAsync(owner, id)).Status);
        Assert.Empty(app.Smtp.To(address));
    }

    [Fact]
    public async Task One_click_unsubscribe_works_by_POST_alone_a_GET_changes_nothing_and_later_messages_find_no_channel()
    {
        var (owner, customer, address) = await CustomerWithEmailAsync("Salão Descadastro");
        await PlanAsync(owner, customer, MessageTrigger.GoalReached, "meta:1", Morning.UtcDateTime.AddHours(-1));
        try
        {
            app.Clock.Now = Morning;
            await SendAsync(owner);
        }
        finally { app.Clock.Now = null; }
        var url = new Uri(app.Smtp.To(address).Single().Headers["List-Unsubscribe"]!.Trim('<', '>'));

        // A link scanner's GET: a page with a button, nothing changed.
        var page = await app.NewClient().GetAsync(url.PathAndQuery);
        Assert.True(page.Shows("Confirmar: não quero receber e-mails"), page.Text);
        Assert.Null((await CustomerAsync(owner, customer)).EmailOptOutAt);

        // The mail program's POST: no cookie, no antiforgery token, only RFC 8058's body. Twice.
        using var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        foreach (var _ in new[] { 1, 2 })
        {
            using var response = await http.PostAsync(url.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var c = await CustomerAsync(owner, customer);
        Assert.NotNull(c.EmailOptOutAt);
        Assert.Null(c.ContactOptOutAt);   // e-mail only
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.ConsentEvents.CountAsync(e => e.CustomerId == customer && e.How == ContactConsent.ByEmailUnsubscribe)));

        // A forged token answers 404; the next message finds no channel and nothing is sent.
        using (var forged = await http.PostAsync("/descadastrar/" + new string('A', 64), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var next = await PlanAsync(owner, customer, MessageTrigger.Birthday, "aniversario:2026", Morning.UtcDateTime.AddDays(5));
        try
        {
            app.Clock.Now = Morning.AddDays(5).AddMinutes(1);
            Assert.Equal(0, await SendAsync(owner));
        }
        finally { app.Clock.Now = null; }
        Assert.Equal(OutboxStatus.NoChannel, (await StatusAsync(owner, next)).Status);
        Assert.Single(app.Smtp.To(address));
    }

    [Fact]
    public async Task The_owner_turns_a_trigger_on_with_a_real_customers_preview_and_the_job_plans_and_sends_it()
    {
        var owner = await app.SignUpAsync("Adega Automática");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100", ["CollectEmail"] = "true" });
        var address = $"rita-{Guid.NewGuid():N}@exemplo.com.br";
        await owner.Client.SubmitAsync("/registrar", new Dictionary<string, string> { ["Phone"] = "11987001122", ["Amount"] = "150", ["Customer.Name"] = "Rita", ["Customer.Email"] = address });

        var page = await owner.Client.GetAsync("/acoes/automaticas");
        Assert.True(page.Shows("Como Rita receberia:"), page.Text);   // Meta atingida's first customer
        Assert.True(page.Shows("Na lista agora: 1 cliente."), page.Text);
        Assert.All(page.Doc.QuerySelectorAll("input[name=Triggers]"), i => Assert.False(i.HasAttribute("checked")));   // every trigger starts off

        // Bad input: a pt-BR message, nothing saved.
        var bad = await owner.Client.SubmitAsync("/acoes/automaticas", new Dictionary<string, string> { ["Triggers"] = "GoalReached", ["HoldoutPercent"] = "60" });
        Assert.Equal("Informe um número de 0 a 50.", bad.FieldError("HoldoutPercent"));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.Messages.EnabledTriggers).SingleAsync()));

        var saved = await owner.Client.SubmitAsync("/acoes/automaticas", new Dictionary<string, string> { ["Triggers"] = "GoalReached", ["HoldoutPercent"] = "0" });
        Assert.True(saved.Shows("Mensagens automáticas salvas."), saved.Text);
        Assert.True(saved.Doc.QuerySelector("input[name=Triggers][value=GoalReached]")!.HasAttribute("checked"));

        try
        {
            app.Clock.Now = ReportScenario.LocalSp(Web.Domain.Periods.LocalDay(DateTime.UtcNow, ReportScenario.SaoPaulo).AddDays(1), 10);
            var sent = await app.InScopeAsync<RunMessages, int>(r => r.RunAsync());
            Assert.True(sent >= 1, $"{sent}");
        }
        finally { app.Clock.Now = null; }
        Assert.Contains("você ganhou", Assert.Single(app.Smtp.To(address)).Subject, StringComparison.Ordinal);
        Assert.True((await owner.Client.GetAsync("/acoes/automaticas")).Shows("Enviadas: 1"));
    }

    private Task<int> SendAsync(OwnerSession owner) => app.InScopeAsync<SendMessages, int>(s => s.SendDueAsync(owner.BusinessId, CancellationToken.None));

    private async Task<(OwnerSession Owner, Guid Customer, string Address)> CustomerWithEmailAsync(string business) =>
        await CustomerWithEmailAsync(await app.SignUpAsync(business));

    private async Task<(OwnerSession Owner, Guid Customer, string Address)> CustomerWithEmailAsync(OwnerSession owner)
    {
        var address = $"cliente-{Guid.NewGuid():N}@exemplo.com.br";
        var id = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var now = DateTime.UtcNow;
            var c = new Customer
            {
                Id = Guid.NewGuid(), Phone = $"+55119{Random.Shared.Next(10_000_000, 99_999_999)}", Name = "Cliente", Email = address, Balance = 600,
                LifetimePoints = 600, LifetimeSpend = 600, Visits = 3, FirstPurchaseAt = now.AddDays(-30), LastPurchaseAt = now.AddDays(-1), CreatedAt = now.AddDays(-30),
            };
            db.Customers.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        return (owner, id, address);
    }

    private Task<Guid> PlanAsync(OwnerSession owner, Guid customer, MessageTrigger trigger, string occasion, DateTime due,
        OutboxStatus status = OutboxStatus.Planned, DateTime? sendingAt = null) => app.InBusinessAsync(owner.BusinessId, async db =>
    {
        var row = new OutboxMessage { Id = Guid.NewGuid(), CustomerId = customer, Trigger = trigger, Occasion = occasion, Status = status, PlannedAt = due, DueAt = due, SendingAt = sendingAt };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    });

    private Task<(OutboxStatus Status, DateTime DueAt)> StatusAsync(OwnerSession owner, Guid id) => app.InBusinessAsync(owner.BusinessId, async db =>
    {
        var m = await db.OutboxMessages.AsNoTracking().SingleAsync(x => x.Id == id);
        return (m.Status, m.DueAt);
    });

    private Task<Customer> CustomerAsync(OwnerSession owner, Guid id) =>
        app.InBusinessAsync(owner.BusinessId, db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
}
