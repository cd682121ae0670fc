using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Segments;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Segments;

/// <summary>RFV segments from constructed purchases: where chosen customers land, that the segments add up, that a rerun changes nothing.</summary>
public sealed class SegmentTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Customers_land_in_their_segments_the_segments_add_up_and_a_rerun_changes_nothing()
    {
        app.Clock.Now = Now;
        var owner = await app.SignUpAsync();
        // 40 customers: customer i last bought i × 9 days ago, bought (i % 8) + 1 times in the year, R$ 20 × visits + i each time.
        var ids = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var user = await db.Users.Select(u => u.Id).FirstAsync();
            var list = new List<Guid>();
            for (var i = 0; i < 40; i++)
            {
                var visits = i == 0 ? 12 : i == 1 ? 1 : (i % 8) + 1;
                var last = Now.AddDays(-9 * i - 1);
                var customer = new Customer { Id = Guid.CreateVersion7(), Phone = $"+55119{i:00000000}", CreatedAt = last.AddDays(-300), Name = $"C{i}" };
                var times = Enumerable.Range(0, visits).Select(k => last.AddDays(-20 * k)).Where(t => t > Now.AddYears(-1)).ToList();
                customer.LastPurchaseAt = times.Max();
                customer.FirstPurchaseAt = times.Min();
                customer.Visits = times.Count;
                customer.LifetimeSpend = times.Count * (20m + i);
                db.Customers.Add(customer);
                foreach (var at in times)
                    db.Purchases.Add(new Purchase
                    {
                        Id = Guid.CreateVersion7(), CustomerId = customer.Id, BranchId = owner.BranchId, UserId = user, Amount = 20m + i + (i == 0 ? 200m : 0m),
                        Points = 1, At = at, IdempotencyKey = Guid.NewGuid(), WasNewCustomer = at == times.Min(),
                    });
                list.Add(customer.Id);
            }
            await db.SaveChangesAsync();
            return list;
        });

        var changed = await app.InScopeAsync<RecomputeSegments, int>(job => job.RunAsync());
        var again = await app.InScopeAsync<RecomputeSegments, int>(job => job.RunAsync());
        var segments = await app.InBusinessAsync(owner.BusinessId, db => db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Segment));
        var page = await owner.Client.GetAsync("/clientes/segmentos");
        var customerPage = await owner.Client.GetAsync($"/clientes/{ids[0]}");

        Assert.Equal(40, changed);
        Assert.Equal(0, again);
        Assert.Equal(RfvSegment.Champions, segments[ids[0]]);   // bought yesterday, 12 times, the most
        Assert.Equal(RfvSegment.New, segments[ids[1]]);         // 10 days ago, once
        Assert.Equal(RfvSegment.Lost, segments[ids[39]]);       // the longest gone, little
        Assert.All(segments.Values, s => Assert.NotNull(s));
        var counts = page.Doc.QuerySelectorAll("[data-testid=segments] tbody tr").Select(r => int.Parse(r.Children[1].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(8, counts.Count);
        Assert.Equal(40, counts.Sum());
        Assert.Equal(segments.Values.Count(s => s == RfvSegment.Champions), counts[0]);
        Assert.StartsWith("Segmento: Campeões", Page.Normalize(customerPage.Doc.QuerySelector("[data-testid=segment]")!.TextContent).Trim(), StringComparison.Ordinal);
        var list = await owner.Client.GetAsync("/clientes/segmentos/perdidos");
        Assert.True(list.Shows("C39"), list.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync("/clientes/segmentos/vips")).Status);
    }
}
