using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Features.Promotions;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Segments;

/// <summary>A segment as the group of an invitation in Ações and as a promotion's audience.</summary>
public sealed class SegmentAudienceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_segment_is_an_invitation_group_and_a_promotion_audience_and_a_bad_segment_changes_nothing()
    {
        var owner = await app.SignUpAsync("Adega Segmentada");
        var now = DateTime.UtcNow;
        // 12 customers: the first six bought often and lately, the last six once, long ago. Never scored yet:
        // choosing a segment scores the business first, as Segmentos does.
        var ids = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var user = await db.Users.Select(u => u.Id).FirstAsync();
            var list = new List<Guid>();
            for (var i = 0; i < 12; i++)
            {
                var times = i < 6 ? Enumerable.Range(0, 6 - i).Select(k => now.AddDays(-3 * k - i - 1)).ToList() : [now.AddDays(-40 * i)];
                var customer = new Customer
                {
                    Id = Guid.CreateVersion7(), Phone = $"+55419{i:00000000}", Name = $"S{i}", CreatedAt = times.Min(),
                    FirstPurchaseAt = times.Min(), LastPurchaseAt = times.Max(), Visits = times.Count, LifetimeSpend = 50m * times.Count,
                    ContactOptOutAt = i == 1 ? now : null,
                };
                db.Customers.Add(customer);
                foreach (var at in times)
                    db.Purchases.Add(new Purchase { Id = Guid.CreateVersion7(), CustomerId = customer.Id, BranchId = owner.BranchId, UserId = user, Amount = 50m, Points = 50, At = at, IdempotencyKey = Guid.NewGuid() });
                list.Add(customer.Id);
            }
            await db.SaveChangesAsync();
            return list;
        });

        var key = Guid.NewGuid().ToString();
        var bad = await owner.Client.SubmitAsync("/acoes/convites", new Dictionary<string, string>
        {
            ["Occasion"] = "Degustação", ["OccasionDate"] = "20/12/2026", ["Audience"] = "Segment", ["Segment"] = "vips", ["IdempotencyKey"] = key,
        });
        Assert.Equal("Escolha o segmento.", bad.FieldError("Segment"));
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.GroupInvitations.CountAsync()));

        var invitation = await owner.Client.SubmitAsync("/acoes/convites", new Dictionary<string, string>
        {
            ["Occasion"] = "Degustação", ["OccasionDate"] = "20/12/2026", ["Audience"] = "Segment", ["Segment"] = "campeoes", ["IdempotencyKey"] = key,
        });
        var segments = await app.InBusinessAsync(owner.BusinessId, db => db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Segment));
        var champions = ids.Where(id => segments[id] == RfvSegment.Champions).ToList();
        var lost = ids.Where(id => segments[id] == RfvSegment.Lost).ToList();
        var guests = await app.InBusinessAsync(owner.BusinessId, db => db.InvitationGuests.Select(g => g.CustomerId).ToListAsync());
        var list = await owner.Client.GetAsync("/acoes/convites");

        Assert.Contains(ids[0], champions);
        Assert.Contains(ids[1], champions);
        Assert.NotEmpty(lost);
        // The champions, less the one who wants no contact.
        Assert.Equal(champions.Where(id => id != ids[1]).Order(), guests.Order());
        Assert.True(invitation.Shows("Degustação"), invitation.Text);
        Assert.True(list.Shows("Segmento: Campeões"), list.Text);

        var promotion = await PromotionCounterTests.CreateAsync(owner, "Volta, sumido", new() { ["Audience"] = "segmento-perdidos", ["ControlPercent"] = "0" });
        var members = await app.InBusinessAsync(owner.BusinessId, db => db.PromotionMembers.Where(m => m.PromotionId == promotion).Select(m => m.CustomerId).ToListAsync());
        var form = await owner.Client.GetAsync($"/promocoes/{promotion}/editar");
        var badPromotion = await owner.Client.SubmitAsync("/promocoes/nova", new Dictionary<string, string> { ["Name"] = "Nada", ["Audience"] = "segmento-vips" });

        Assert.Equal(lost.Order(), members.Order());
        // The promotion started today: its audience is fixed and named.
        Assert.True(form.Shows("Segmento: Perdidos"), form.Text);
        Assert.Equal("Escolha para quem é a promoção.", badPromotion.FieldError("Audience"));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Promotions.CountAsync()));
    }
}
