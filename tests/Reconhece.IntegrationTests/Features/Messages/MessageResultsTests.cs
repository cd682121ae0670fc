using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Messages;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Messages;

/// <summary>
/// What the owner reads about the automatic messages (issue 23): each trigger's messaged customers against
/// its holdout, counting only reachable customers and closed windows; a group invitation sent by itself
/// once; the daily limit shown before anything leaves, and held.
/// </summary>
public sealed class MessageResultsTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task The_results_page_compares_the_messaged_with_the_reachable_holdout_and_says_when_it_is_too_little()
    {
        var owner = await app.SignUpAsync("Adega Resultado");
        var start = DateTime.UtcNow.AddDays(-20);
        var messaged = new List<string>();
        var held = new List<string>();
        for (var i = 0; i < 3; i++) messaged.Add(await CustomerAsync(owner, $"recebeu{i}@exemplo.com.br"));
        for (var i = 0; i < 3; i++) held.Add(await CustomerAsync(owner, $"controle{i}@exemplo.com.br"));
        var unreachable = await CustomerAsync(owner, null);   // held out, but no channel could have reached them
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            foreach (var phone in messaged)
                db.OutboxMessages.Add(Row(await db.Customers.Where(c => c.Phone == phone).Select(c => c.Id).SingleAsync(), OutboxStatus.Sent, start));
            foreach (var phone in held.Append(unreachable))
                db.OutboxMessages.Add(Row(await db.Customers.Where(c => c.Phone == phone).Select(c => c.Id).SingleAsync(), OutboxStatus.Holdout, start));
            // A message whose window has not closed yet is not counted either way.
            db.OutboxMessages.Add(Row(await db.Customers.Where(c => c.Phone == messaged[0]).Select(c => c.Id).SingleAsync(), OutboxStatus.Sent, DateTime.UtcNow.AddDays(-1), "meta:recente"));
            return await db.SaveChangesAsync();
        });
        // Two of the messaged came back within the 14 days, one of the holdout, and the unreachable one too.
        try
        {
            app.Clock.Now = start.AddDays(2);
            foreach (var phone in new[] { messaged[0], messaged[1], held[0], unreachable })
                await owner.Client.RegisterPurchaseAsync(phone[3..], "50,00");
            app.Clock.Now = start.AddDays(16);   // after the window: not a return
            await owner.Client.RegisterPurchaseAsync(messaged[2][3..], "50,00");
        }
        finally { app.Clock.Now = null; }

        var page = await owner.Client.GetAsync("/acoes/automaticas/resultados");
        var section = page.Doc.QuerySelector("[data-testid=result-GoalReached]")!;
        var text = Page.Normalize(section.TextContent);
        Assert.Contains("Receberam: 3 clientes; voltaram: 2 (66,7%). Grupo de controle: 3 clientes; voltaram: 1 (33,3%).", text, StringComparison.Ordinal);
        Assert.StartsWith("Ainda é pouco para saber se esta mensagem traz clientes de volta.", Page.Normalize(section.QuerySelector("[data-testid=verdict]")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Faturamento por cliente: R$ 33,33 entre quem recebeu, R$ 16,67 no grupo de controle.", text, StringComparison.Ordinal);
        Assert.Contains("Enviadas: 4", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_invitation_sent_by_itself_is_planned_once_and_marks_the_guest_contacted()
    {
        var owner = await app.SignUpAsync("Sorveteria Convite Auto");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectEmail"] = "true" });
        var address = $"guest-{Guid.NewGuid():N}@exemplo.com.br";
        await owner.Client.SubmitAsync("/registrar", new Dictionary<string, string> { ["Phone"] = "11987604411", ["Amount"] = "300", ["Customer.Name"] = "Vera Lima", ["Customer.Email"] = address });
        await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.ExecuteUpdateAsync(s => s.SetProperty(b => b.Messages.HoldoutPercent, 0)));
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ReportScenario.SaoPaulo)).AddDays(3);
        var invitation = await owner.Client.PostAsync("/acoes/convites", new Dictionary<string, string>
        {
            ["Occasion"] = "Noite do pistache", ["OccasionDate"] = day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Audience"] = "RecentBuyers", ["RecentDays"] = "30", ["Message"] = "Oi {nome}! {ocasiao} em {data}.", ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var url = invitation.Url.AbsolutePath;
        var first = await owner.Client.PostAsync(url + "/enviar");
        Assert.True(first.Shows("1 convite na fila"), first.Text);
        Assert.True((await owner.Client.PostAsync(url + "/enviar")).Shows("Este convite já estava na fila"));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.CountAsync(m => m.Trigger == MessageTrigger.Invitation)));

        try
        {
            app.Clock.Now = ReportScenario.LocalSp(Periods.LocalDay(DateTime.UtcNow, ReportScenario.SaoPaulo).AddDays(1), 10);
            Assert.True(await app.InScopeAsync<RunMessages, int>(r => r.RunAsync()) >= 1);
        }
        finally { app.Clock.Now = null; }
        var mail = Assert.Single(app.Smtp.To(address));
        Assert.Equal("Sorveteria Convite Auto: Noite do pistache", mail.Subject);
        Assert.StartsWith($"Oi Vera! Noite do pistache em {day:dd/MM}.", mail.TextBody, StringComparison.Ordinal);
        var after = await owner.Client.GetAsync(url);
        Assert.True(after.Shows("1 contatado"), after.Text);
        Assert.DoesNotContain(after.Doc.QuerySelectorAll("form"), f => f.GetAttribute("action")!.EndsWith("/enviar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_owner_sees_the_day_s_count_before_anything_leaves_and_the_daily_limit_holds()
    {
        var owner = await app.SignUpAsync("Posto Limite Diário");
        var customers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var phone = await CustomerAsync(owner, $"limite{i}-{Guid.NewGuid():N}@exemplo.com.br");
            customers.Add(await app.InBusinessAsync(owner.BusinessId, db => db.Customers.Where(c => c.Phone == phone).Select(c => c.Id).SingleAsync()));
        }
        var before = await owner.Client.GetAsync("/acoes/automaticas");
        // The three with a balance over the goal are on Meta atingida; with Meta atingida ticked and no holdout, 2 would leave under a limit of 2.
        var preview = await owner.Client.SubmitAsync("/acoes/automaticas", new Dictionary<string, string> { ["Triggers"] = "GoalReached", ["HoldoutPercent"] = "0", ["DailyLimit"] = "0" });
        Assert.Equal("Informe um número de 1 a 10.000.", preview.FieldError("DailyLimit"));
        Assert.Contains("hoje sairiam até 3: há 3 clientes nas listas agora", Page.Normalize(preview.Doc.QuerySelector("[data-testid=today]")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("hoje sairiam até 0", Page.Normalize(before.Doc.QuerySelector("[data-testid=today]")!.TextContent), StringComparison.Ordinal);   // nothing ticked yet
        var saved = await owner.Client.SubmitAsync("/acoes/automaticas", new Dictionary<string, string> { ["Triggers"] = "GoalReached", ["HoldoutPercent"] = "0", ["DailyLimit"] = "2" });
        Assert.True(saved.Shows("Mensagens automáticas salvas."), saved.Text);
        Assert.Equal(2, await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.Messages.DailyLimit).SingleAsync()));

        var morning = ReportScenario.LocalSp(Periods.LocalDay(DateTime.UtcNow, ReportScenario.SaoPaulo).AddDays(1), 10);
        try
        {
            app.Clock.Now = morning;
            Assert.Equal(3, await app.InScopeAsync<PlanMessages, int>(p => p.PlanAsync(owner.BusinessId, CancellationToken.None)));
            Assert.Equal(2, await app.InScopeAsync<SendMessages, int>(s => s.SendDueAsync(owner.BusinessId, CancellationToken.None)));
            Assert.Equal(0, await app.InScopeAsync<SendMessages, int>(s => s.SendDueAsync(owner.BusinessId, CancellationToken.None)));
            app.Clock.Now = morning.AddDays(1);   // a new day: the third leaves
            Assert.Equal(1, await app.InScopeAsync<SendMessages, int>(s => s.SendDueAsync(owner.BusinessId, CancellationToken.None)));
        }
        finally { app.Clock.Now = null; }
    }

    private static OutboxMessage Row(Guid customer, OutboxStatus status, DateTime at, string occasion = "meta:1") => new()
    {
        Id = Guid.NewGuid(), CustomerId = customer, Trigger = MessageTrigger.GoalReached, Occasion = occasion, Status = status, PlannedAt = at, DueAt = at,
        SendingAt = status == OutboxStatus.Sent ? at : null, SentAt = status == OutboxStatus.Sent ? at : null, Channel = status == OutboxStatus.Sent ? MessageChannel.Email : null,
    };

    /// <summary>A customer over the goal (so on Meta atingida), with an e-mail address or none; returns the phone.</summary>
    private Task<string> CustomerAsync(OwnerSession owner, string? email) => app.InBusinessAsync(owner.BusinessId, async db =>
    {
        var now = DateTime.UtcNow.AddDays(-40);
        var phone = $"+55119{Random.Shared.Next(10_000_000, 99_999_999)}";
        db.Customers.Add(new Customer
        {
            Id = Guid.NewGuid(), Phone = phone, Name = "Cliente", Email = email, Balance = 600, LifetimePoints = 600, LifetimeSpend = 600, Visits = 3,
            FirstPurchaseAt = now, LastPurchaseAt = now, CreatedAt = now, EligibleSince = now,
        });
        await db.SaveChangesAsync();
        return phone;
    });
}
