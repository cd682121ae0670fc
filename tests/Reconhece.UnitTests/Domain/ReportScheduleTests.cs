using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class ReportScheduleTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly TimeZoneInfo Manaus = TimeZoneInfo.FindSystemTimeZoneById("America/Manaus");
    private static readonly TimeZoneInfo RioBranco = TimeZoneInfo.FindSystemTimeZoneById("America/Rio_Branco");
    private static readonly TimeZoneInfo Noronha = TimeZoneInfo.FindSystemTimeZoneById("America/Noronha");
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ReportSettings MondaySeven = new();

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Monday_at_seven_in_Sao_Paulo_reports_the_previous_Monday_to_Sunday()
    {
        // Monday 2026-11-30 07:00 in São Paulo is 10:00 UTC.
        Assert.Equal(new DateOnly(2026, 11, 23), ReportSchedule.DueWeek(Utc(30, 10), SaoPaulo, MondaySeven, LongAgo));
        // One minute earlier the latest moment is the Monday before, reporting the week before that.
        Assert.Equal(new DateOnly(2026, 11, 16), ReportSchedule.DueWeek(Utc(30, 9, 59), SaoPaulo, MondaySeven, LongAgo));
    }

    [Fact]
    public void The_send_moment_is_the_business_hour_not_UTC()
    {
        // 10:30 UTC on Monday: 07:30 in São Paulo (due), 06:30 in Manaus and 05:30 in Rio Branco (not yet).
        Assert.Equal(new DateOnly(2026, 11, 23), ReportSchedule.DueWeek(Utc(30, 10, 30), SaoPaulo, MondaySeven, LongAgo));
        Assert.Equal(new DateOnly(2026, 11, 16), ReportSchedule.DueWeek(Utc(30, 10, 30), Manaus, MondaySeven, LongAgo));
        Assert.Equal(new DateOnly(2026, 11, 16), ReportSchedule.DueWeek(Utc(30, 10, 30), RioBranco, MondaySeven, LongAgo));
        Assert.Equal(new DateOnly(2026, 11, 23), ReportSchedule.DueWeek(Utc(30, 12), RioBranco, MondaySeven, LongAgo));
        // Fernando de Noronha (UTC−2) gets there first.
        Assert.Equal(new DateOnly(2026, 11, 23), ReportSchedule.DueWeek(Utc(30, 9, 0), Noronha, MondaySeven, LongAgo));
    }

    [Fact]
    public void Sunday_night_local_is_still_last_week_although_it_is_Monday_in_UTC()
    {
        // Sunday 2026-11-29 23:30 in São Paulo = Monday 02:30 UTC: the 23/11 week is not over yet.
        Assert.Equal(new DateOnly(2026, 11, 16), ReportSchedule.DueWeek(Utc(30, 2, 30), SaoPaulo, MondaySeven, LongAgo));
    }

    [Fact]
    public void A_Sunday_evening_moment_reports_the_week_before_the_one_ending_that_day()
    {
        var sunday = new ReportSettings { Weekday = DayOfWeek.Sunday, Hour = 20 };
        // Sunday 2026-11-29 20:00 in São Paulo = 23:00 UTC.
        var (moment, week) = ReportSchedule.LatestMoment(Utc(29, 23), SaoPaulo, sunday.Weekday, sunday.Hour);
        Assert.Equal(Utc(29, 23), moment);
        Assert.Equal(new DateOnly(2026, 11, 16), week);
    }

    [Fact]
    public void A_business_gets_no_report_for_a_week_that_ended_before_it_existed()
    {
        var signedUpTuesday = Utc(24, 15);
        Assert.Null(ReportSchedule.DueWeek(Utc(25, 12), SaoPaulo, MondaySeven, signedUpTuesday));
        // The next Monday it gets the week it signed up in.
        Assert.Equal(new DateOnly(2026, 11, 23), ReportSchedule.DueWeek(Utc(30, 10), SaoPaulo, MondaySeven, signedUpTuesday));
    }

    [Fact]
    public void The_next_moment_is_a_week_after_the_latest()
    {
        Assert.Equal(Utc(30, 10), ReportSchedule.NextMoment(Utc(25, 12), SaoPaulo, DayOfWeek.Monday, 7));
        Assert.Equal(new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc), ReportSchedule.NextMoment(Utc(30, 10), SaoPaulo, DayOfWeek.Monday, 7));
    }

    [Fact]
    public void Gerar_agora_reports_the_last_complete_week_of_the_business_calendar()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), ReportSchedule.LastCompleteWeek(Utc(25, 12), SaoPaulo));
        // Monday 01:00 UTC is still Sunday in São Paulo.
        Assert.Equal(new DateOnly(2026, 11, 16), ReportSchedule.LastCompleteWeek(Utc(30, 1), SaoPaulo));
        Assert.Equal(new DateOnly(2026, 11, 23), ReportSchedule.LastCompleteWeek(Utc(30, 3), SaoPaulo));
    }

    [Fact]
    public void A_week_period_runs_from_local_Monday_midnight_to_the_next()
    {
        var week = ReportSchedule.WeekPeriod(new DateOnly(2026, 11, 23), Manaus);
        Assert.Equal(Utc(23, 4), week.Start);
        Assert.Equal(Utc(30, 4), week.End);
    }

    [Fact]
    public void Retries_start_soon_and_slow_down_to_every_six_hours()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), ReportSchedule.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(15), ReportSchedule.RetryDelay(2));
        Assert.Equal(TimeSpan.FromHours(6), ReportSchedule.RetryDelay(10));
    }
}
