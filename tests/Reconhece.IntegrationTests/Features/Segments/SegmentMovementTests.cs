using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Segments;
using Reconhece.Web.Resources;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Segments;

/// <summary>"Movimento desde o mês passado": the month's first run keeps last month's segment and the page counts the moves.</summary>
public sealed class SegmentMovementTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly DateTime November = new(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime December = new(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_page_counts_who_moved_between_segments_since_last_month()
    {
        app.Clock.Now = November;
        var owner = await app.SignUpAsync();
        var user = await app.InBusinessAsync(owner.BusinessId, db => db.Users.Select(u => u.Id).FirstAsync());
        // 20 customers: customer i bought (i % 5) + 1 times, the last one 15 × i days ago.
        var ids = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var list = new List<Guid>();
            for (var i = 0; i < 20; i++)
            {
                var customer = new Customer { Id = Guid.CreateVersion7(), Phone = $"+55219{i:00000000}", CreatedAt = November.AddDays(-330), Name = $"M{i}" };
                db.Customers.Add(customer);
                for (var k = 0; k <= i % 5; k++) AddPurchase(db, customer, owner.BranchId, user, November.AddDays(-15 * i - 20 * k - 1));
                list.Add(customer.Id);
            }
            await db.SaveChangesAsync();
            return list;
        });
        await app.InScopeAsync<RecomputeSegments, int>(job => job.RunAsync());
        var before = await SegmentsAsync(owner.BusinessId);
        var firstMonth = await owner.Client.GetAsync("/clientes/segmentos");

        // December: the five longest gone come back three times each, and two new customers buy once.
        app.Clock.Now = December;
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            foreach (var id in ids.TakeLast(5))
            {
                var customer = await db.Customers.SingleAsync(c => c.Id == id);
                for (var k = 0; k < 3; k++) AddPurchase(db, customer, owner.BranchId, user, December.AddDays(-k - 1));
            }
            for (var n = 0; n < 2; n++)
            {
                var customer = new Customer { Id = Guid.CreateVersion7(), Phone = $"+55319{n:00000000}", CreatedAt = December.AddDays(-2), Name = $"N{n}" };
                db.Customers.Add(customer);
                AddPurchase(db, customer, owner.BranchId, user, December.AddDays(-2));
            }
            await db.SaveChangesAsync();
            return 0;
        });
        await app.InScopeAsync<RecomputeSegments, int>(job => job.RunAsync());
        var again = await app.InScopeAsync<RecomputeSegments, int>(job => job.RunAsync());
        var after = await SegmentsAsync(owner.BusinessId);
        var client = (await app.SignInAsync(owner.Email, owner.Password)).Client;
        var page = await client.GetAsync("/clientes/segmentos");

        Assert.NotNull(firstMonth.Doc.QuerySelector("[data-testid=segment-moves-none]"));
        Assert.Equal(0, again);
        // Every move the page states is what the two months' segments say, and nothing else.
        var expected = after.Where(a => !before.TryGetValue(a.Key, out var was) || was != a.Value)
            .GroupBy(a => (From: before.GetValueOrDefault(a.Key), To: a.Value)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Contains(expected, e => e.Key.From is not null);
        Assert.Equal(2, expected.Where(e => e.Key.From is null).Sum(e => e.Value));
        var shown = page.Doc.QuerySelectorAll("[data-testid=segment-moves] li").Select(li => Page.Normalize(li.TextContent).Trim()).ToList();
        Assert.Equal(expected.Count, shown.Count);
        var t = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var ((from, to), count) in expected)
            Assert.Contains(SegmentLabels.Move(new SegmentMove(from, to!.Value, count), t), shown);
        Assert.Contains(shown, s => s.StartsWith("2 clientes entraram em Novos", StringComparison.Ordinal));
    }

    private static void AddPurchase(Web.Data.AppDbContext db, Customer customer, Guid branch, Guid user, DateTime at)
    {
        db.Purchases.Add(new Purchase { Id = Guid.CreateVersion7(), CustomerId = customer.Id, BranchId = branch, UserId = user, Amount = 30m, Points = 30, At = at, IdempotencyKey = Guid.NewGuid() });
        customer.LastPurchaseAt = customer.LastPurchaseAt is { } last && last > at ? last : at;
        customer.FirstPurchaseAt ??= at;
        customer.Visits++;
        customer.LifetimeSpend += 30m;
    }

    private Task<Dictionary<Guid, RfvSegment?>> SegmentsAsync(Guid business) =>
        app.InBusinessAsync(business, db => db.Customers.AsNoTracking().Where(c => c.Segment != null).ToDictionaryAsync(c => c.Id, c => c.Segment));
}
