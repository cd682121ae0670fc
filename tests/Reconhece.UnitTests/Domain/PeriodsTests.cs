using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class PeriodsTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly TimeZoneInfo Manaus = TimeZoneInfo.FindSystemTimeZoneById("America/Manaus");

    [Fact]
    public void A_week_runs_from_Monday_midnight_local_time()
    {
        // Wednesday 2026-11-25 10:00 in São Paulo (13:00 UTC).
        var week = Periods.WeekOf(new DateTime(2026, 11, 25, 13, 0, 0, DateTimeKind.Utc), SaoPaulo);
        Assert.Equal(new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc), week.Start);
        Assert.Equal(new DateTime(2026, 11, 30, 3, 0, 0, DateTimeKind.Utc), week.End);
    }

    [Fact]
    public void Sunday_night_in_Sao_Paulo_is_still_last_week_although_it_is_Monday_in_UTC()
    {
        var sundayNight = new DateTime(2026, 11, 30, 2, 30, 0, DateTimeKind.Utc); // Sunday 23:30 in São Paulo
        Assert.Equal(new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc), Periods.WeekOf(sundayNight, SaoPaulo).Start);
    }

    [Fact]
    public void The_week_follows_the_business_time_zone()
    {
        var week = Periods.WeekOf(new DateTime(2026, 11, 25, 13, 0, 0, DateTimeKind.Utc), Manaus);
        Assert.Equal(new DateTime(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc), week.Start);
    }

    [Fact]
    public void Months_and_previous_periods_are_calendar_based()
    {
        var month = Periods.MonthOf(new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc), SaoPaulo); // still 28/02 locally
        Assert.Equal(new DateTime(2026, 2, 1, 3, 0, 0, DateTimeKind.Utc), month.Start);
        Assert.Equal(new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc), month.End);
        var previous = Periods.Previous(month, SaoPaulo, month: true);
        Assert.Equal(new DateTime(2026, 1, 1, 3, 0, 0, DateTimeKind.Utc), previous.Start);
        Assert.Equal(month.Start, previous.End);
        var week = Periods.WeekOf(new DateTime(2026, 11, 25, 13, 0, 0, DateTimeKind.Utc), SaoPaulo);
        Assert.Equal(week.Start.AddDays(-7), Periods.Previous(week, SaoPaulo, month: false).Start);
    }

    [Fact]
    public void The_same_stretch_of_last_month_stops_at_its_end_when_it_is_shorter()
    {
        // Tuesday 31/03/2026 10:00 in São Paulo: March so far against February, whose 28 days end first.
        var now = new DateTime(2026, 3, 31, 13, 0, 0, DateTimeKind.Utc);
        var before = Periods.SameSpanBefore(Periods.MonthOf(now, SaoPaulo), now, SaoPaulo, month: true);
        Assert.Equal(new DateTime(2026, 2, 1, 3, 0, 0, DateTimeKind.Utc), before.Start);
        Assert.Equal(new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc), before.End);
    }

    [Fact]
    public void The_same_stretch_of_last_month_ends_on_the_same_day_and_hour()
    {
        var now = new DateTime(2026, 3, 15, 17, 0, 0, DateTimeKind.Utc); // 14:00 in São Paulo
        var before = Periods.SameSpanBefore(Periods.MonthOf(now, SaoPaulo), now, SaoPaulo, month: true);
        Assert.Equal(new DateTime(2026, 2, 15, 17, 0, 0, DateTimeKind.Utc), before.End);
    }
}
