using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class BrazilTimeZonesTests
{
    [Fact]
    public void Every_offered_zone_exists_on_this_machine_and_is_in_Brazil_offsets()
    {
        var january = new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);
        foreach (var (id, _) in BrazilTimeZones.All)
        {
            var offset = BrazilTimeZones.Find(id).GetUtcOffset(january);
            Assert.InRange(offset.TotalHours, -5, -2);
        }
    }

    [Fact]
    public void Sao_Paulo_is_the_default_and_has_no_daylight_saving_since_2019()
    {
        var zone = BrazilTimeZones.Find(BrazilTimeZones.Default);
        Assert.Equal(TimeSpan.FromHours(-3), zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(-3), zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.False(BrazilTimeZones.IsKnown("Europe/Lisbon"));
    }
}
