using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Messages;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Messages;

/// <summary>
/// The outbox of automatic messages, planned with a movable clock (issue 23): one row per customer,
/// trigger and occasion however often the planner runs, the holdout drawn once and kept, the sending hours
/// respected, and nobody who must not be messaged.
/// </summary>
public sealed class PlanMessagesTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly TimeZoneInfo Sp = ReportScenario.SaoPaulo;

    [Fact]
    public async Task A_birthday_is_planned_once_a_year_for_the_day_itself_and_a_message_due_at_night_waits_for_nine()
    {
        var owner = await app.SignUpAsync("Salão Aniversários");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectBirthDate"] = "true" });
        await TurnOnAsync(owner, MessageTrigger.Birthday, holdout: 0);
        var monday = ReportScenario.LocalSp(new DateOnly(2026, 12, 7), 22);   // 22:00: after the sending hours
        var ana = await CustomerAsync(owner, "Ana", new DateOnly(1990, 12, 10), monday.UtcDateTime);   // Thursday
        var bia = await CustomerAsync(owner, "Bia", new DateOnly(1985, 12, 7), monday.UtcDateTime);    // today

        try
        {
            app.Clock.Now = monday;
            Assert.Equal(2, await PlanAsync(owner));
            Assert.Equal(0, await PlanAsync(owner));   // planning again adds nothing

            var rows = await RowsAsync(owner);
            Assert.Equal(("aniversario:2026", Local(new DateOnly(2026, 12, 10), 9)), (rows[ana].Occasion, rows[ana].DueAt));
            // Due tonight at 22:00: it leaves tomorrow at 9:00, not at night.
            Assert.Equal(("aniversario:2026", Local(new DateOnly(2026, 12, 8), 9)), (rows[bia].Occasion, rows[bia].DueAt));

            // Next year: a new occasion, once again (Ana bought recently, so she is on the birthday list, not fading).
            var nextYear = ReportScenario.LocalSp(new DateOnly(2027, 12, 9), 11);
            await app.InBusinessAsync(owner.BusinessId, db => db.Customers.Where(c => c.Id == ana)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastPurchaseAt, nextYear.UtcDateTime.AddDays(-2))));
            app.Clock.Now = nextYear;
            Assert.Equal(1, await PlanAsync(owner));
            Assert.Equal(0, await PlanAsync(owner));
            var again = await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.Where(m => m.CustomerId == ana)
                .OrderBy(m => m.Occasion).Select(m => new { m.Occasion, m.DueAt }).ToListAsync());
            Assert.Equal(["aniversario:2026", "aniversario:2027"], again.Select(m => m.Occasion));
            Assert.Equal(Local(new DateOnly(2027, 12, 10), 9), again[1].DueAt);   // the day itself, at opening
        }
        finally { app.Clock.Now = null; }
    }

    [Fact]
    public async Task The_holdout_is_drawn_once_and_kept_and_opted_out_or_anonymised_customers_get_nothing()
    {
        var owner = await app.SignUpAsync("Adega Meta");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        await TurnOnAsync(owner, MessageTrigger.GoalReached, holdout: 50);
        var now = DateTime.UtcNow;
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            for (var i = 0; i < 200; i++) db.Customers.Add(Eligible($"+55119700{i:00000}", now));
            var optedOut = Eligible("+5511960000001", now);
            optedOut.ContactOptOutAt = now;
            db.Customers.Add(optedOut);
            return await db.SaveChangesAsync();
        });
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var gone = Eligible("+5511960000002", now);
            gone.AnonymizedAt = now;
            db.Customers.Add(gone);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(200, await PlanAsync(owner));
        var first = await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.ToDictionaryAsync(m => m.CustomerId, m => m.Status));
        Assert.Equal(200, first.Count);
        Assert.InRange(first.Values.Count(s => s == OutboxStatus.Holdout), 60, 140);   // 50% of 200: ±5.6 standard deviations
        Assert.All(await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.Select(m => m.Occasion).ToListAsync()),
            o => Assert.StartsWith("meta:", o, StringComparison.Ordinal));
        var excluded = await app.InBusinessAsync(owner.BusinessId, db => db.Customers
            .Where(c => c.ContactOptOutAt != null || c.AnonymizedAt != null).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, excluded.Count);
        Assert.DoesNotContain(first.Keys, excluded.Contains);

        // Planning again draws nobody again.
        Assert.Equal(0, await PlanAsync(owner));
        Assert.Equal(first, await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.ToDictionaryAsync(m => m.CustomerId, m => m.Status)));
    }

    [Fact]
    public async Task A_running_promotion_s_control_group_gets_no_message()
    {
        var owner = await app.SignUpAsync("Adega Controle");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        var now = DateTime.UtcNow;
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            for (var i = 0; i < 40; i++) db.Customers.Add(Eligible($"+55119710{i:00000}", now));
            return await db.SaveChangesAsync();
        });
        // A promotion for Meta atingida that holds half of them out: they must hear nothing while it runs.
        await Promotions.PromotionCounterTests.CreateAsync(owner, "Controle da meta", new() { ["Audience"] = "meta", ["ControlPercent"] = "50" });
        var control = await app.InBusinessAsync(owner.BusinessId, db => db.PromotionMembers.Where(m => m.IsControl).Select(m => m.CustomerId).ToListAsync());
        Assert.NotEmpty(control);
        await TurnOnAsync(owner, MessageTrigger.GoalReached, holdout: 0);

        Assert.Equal(40 - control.Count, await PlanAsync(owner));
        var planned = await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.Select(m => m.CustomerId).ToListAsync());
        Assert.DoesNotContain(planned, control.Contains);
    }

    [Fact]
    public async Task Welcome_waits_for_the_day_after_the_first_purchase_and_goes_once()
    {
        var owner = await app.SignUpAsync("Sorveteria Boas-vindas");
        await TurnOnAsync(owner, MessageTrigger.Welcome, holdout: 0);
        var tuesday = ReportScenario.LocalSp(new DateOnly(2026, 12, 8), 10);
        try
        {
            app.Clock.Now = tuesday;
            await owner.Client.RegisterPurchaseAsync("11987651234", "20", name: "Caio");
            Assert.Equal(0, await PlanAsync(owner));   // the day of the first purchase: not yet

            app.Clock.Now = tuesday.AddDays(1);
            Assert.Equal(1, await PlanAsync(owner));
            var row = Assert.Single((await RowsAsync(owner)).Values);
            Assert.Equal(("boas-vindas", OutboxStatus.Planned, tuesday.UtcDateTime.AddDays(1)), (row.Occasion, row.Status, row.DueAt));

            app.Clock.Now = tuesday.AddDays(3);
            Assert.Equal(0, await PlanAsync(owner));   // once per customer
        }
        finally { app.Clock.Now = null; }
    }

    [Fact]
    public void Every_trigger_has_its_list_and_its_place_in_the_order_of_value()
    {
        // The page lists the triggers, and the sender breaks ties, in SendMessages.ByValue: a trigger left out would vanish from both.
        Assert.Equal(Enum.GetValues<MessageTrigger>().Order(), SendMessages.ByValue.Order());
        Assert.All(Enum.GetValues<MessageTrigger>(), t => Assert.Equal(t, MessageTriggers.For(MessageTriggers.List(t))));
    }

    [Fact]
    public async Task With_every_trigger_off_nothing_is_planned()
    {
        var owner = await app.SignUpAsync("Posto Desligado");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "10" });
        await owner.Client.RegisterPurchaseAsync("11987650000", "50");

        Assert.Equal(0, await PlanAsync(owner));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Expiring_points_wait_for_the_owner_s_days_before_and_the_message_gives_the_amount_and_the_date()
    {
        var address = $"rosa-{Guid.NewGuid():N}@exemplo.com.br";
        try
        {
            app.Clock.Now = ReportScenario.LocalSp(new DateOnly(2026, 1, 9), 10);
            var owner = await app.SignUpAsync("Adega Vencimento");
            await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "1000", ["PointsExpiryMonths"] = "3", ["CollectEmail"] = "true" });
            app.Clock.Now = ReportScenario.LocalSp(new DateOnly(2026, 1, 10), 10);
            var client = (await app.SignInAsync(owner.Email, owner.Password)).Client;
            await client.SubmitAsync("/registrar", new Dictionary<string, string> { ["Phone"] = "11987600777", ["Amount"] = "120", ["Customer.Name"] = "Rosa", ["Customer.Email"] = address });
            await TurnOnAsync(owner, MessageTrigger.Expiring, holdout: 0);

            // 20/03: the points expire on 10/04, within Ações' 30 days but not within the 7 days of the message.
            app.Clock.Now = ReportScenario.LocalSp(new DateOnly(2026, 3, 20), 10);
            Assert.Equal(0, await PlanAsync(owner));
            // 04/04: within 7 days: planned once.
            app.Clock.Now = ReportScenario.LocalSp(new DateOnly(2026, 4, 4), 10);
            Assert.Equal(1, await PlanAsync(owner));
            Assert.Equal(0, await PlanAsync(owner));
            Assert.Equal(1, await app.InScopeAsync<SendMessages, int>(s => s.SendDueAsync(owner.BusinessId, CancellationToken.None)));
        }
        finally { app.Clock.Now = null; }
        var mail = Assert.Single(app.Smtp.To(address));
        Assert.StartsWith("120 pontos vencem em 10/04/2026.\n", mail.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_birthday_can_go_on_the_monday_of_its_week()
    {
        var owner = await app.SignUpAsync("Salão Segunda");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["CollectBirthDate"] = "true" });
        await TurnOnAsync(owner, MessageTrigger.Birthday, holdout: 0);
        await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.ExecuteUpdateAsync(s => s.SetProperty(b => b.Messages.BirthdayOnMonday, true)));
        var wednesday = ReportScenario.LocalSp(new DateOnly(2026, 12, 9), 10);
        var sunday = await CustomerAsync(owner, "Dani", new DateOnly(1990, 12, 13), wednesday.UtcDateTime);   // this week's Monday has passed: now
        var tuesday = await CustomerAsync(owner, "Eva", new DateOnly(1992, 12, 15), wednesday.UtcDateTime);   // next week: its Monday, 14/12
        try
        {
            app.Clock.Now = wednesday;
            Assert.Equal(2, await PlanAsync(owner));
        }
        finally { app.Clock.Now = null; }
        var rows = await RowsAsync(owner);
        Assert.Equal(wednesday.UtcDateTime, rows[sunday].DueAt);
        Assert.Equal(Local(new DateOnly(2026, 12, 14), 9), rows[tuesday].DueAt);
    }

    [Fact]
    public async Task Merging_two_records_keeps_one_message_per_trigger_and_occasion()
    {
        var owner = await app.SignUpAsync("Adega Unida");
        await owner.Client.RegisterPurchaseAsync("11987650101", "20");
        await owner.Client.RegisterPurchaseAsync("11912340202", "30");
        var kept = (await owner.CustomerAsync("+5511987650101")).Id;
        var merged = (await owner.CustomerAsync("+5511912340202")).Id;
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var now = DateTime.UtcNow;
            OutboxMessage Row(Guid customer, MessageTrigger trigger, string occasion) =>
                new() { Id = Guid.NewGuid(), CustomerId = customer, Trigger = trigger, Occasion = occasion, PlannedAt = now, DueAt = now };
            db.OutboxMessages.AddRange(Row(kept, MessageTrigger.Welcome, "boas-vindas"), Row(merged, MessageTrigger.Welcome, "boas-vindas"),
                Row(merged, MessageTrigger.Birthday, "aniversario:2026"));
            return await db.SaveChangesAsync();
        });

        var page = await owner.Client.PostAsync($"/clientes/{kept}/unir", new Dictionary<string, string> { ["mergedId"] = merged.ToString(), ["key"] = Guid.NewGuid().ToString() });

        Assert.True(page.Shows("Cadastros unidos."), page.Text);
        var rows = await app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.Select(m => new { m.CustomerId, m.Occasion }).ToListAsync());
        Assert.All(rows, r => Assert.Equal(kept, r.CustomerId));
        Assert.Equal(["aniversario:2026", "boas-vindas"], rows.Select(r => r.Occasion).Order());
    }

    private Task<int> PlanAsync(OwnerSession owner) => app.InScopeAsync<PlanMessages, int>(p => p.PlanAsync(owner.BusinessId, CancellationToken.None));

    private Task<Dictionary<Guid, OutboxMessage>> RowsAsync(OwnerSession owner) =>
        app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.CustomerId));

    private Task<int> TurnOnAsync(OwnerSession owner, MessageTrigger trigger, int holdout) => app.InBusinessAsync(owner.BusinessId, async db =>
    {
        var business = await db.Businesses.SingleAsync();
        business.Messages.Set(trigger, true);
        business.Messages.HoldoutPercent = holdout;
        return await db.SaveChangesAsync();
    });

    private Task<Guid> CustomerAsync(OwnerSession owner, string name, DateOnly born, DateTime lastPurchase) => app.InBusinessAsync(owner.BusinessId, async db =>
    {
        var c = new Customer
        {
            Id = Guid.NewGuid(), Phone = $"+55119{Random.Shared.Next(10_000_000, 99_999_999)}", Name = name, BirthDate = born, Balance = 5, LifetimePoints = 5,
            LifetimeSpend = 5, Visits = 1, FirstPurchaseAt = lastPurchase.AddDays(-20), LastPurchaseAt = lastPurchase.AddDays(-1), CreatedAt = lastPurchase.AddDays(-20),
        };
        db.Customers.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    private static Customer Eligible(string phone, DateTime now) => new()
    {
        Id = Guid.NewGuid(), Phone = phone, Balance = 150, LifetimePoints = 150, LifetimeSpend = 150, Visits = 2,
        FirstPurchaseAt = now.AddDays(-10), LastPurchaseAt = now.AddDays(-1), CreatedAt = now.AddDays(-10), EligibleSince = now.AddDays(-1),
    };

    private static DateTime Local(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), Sp);
}
