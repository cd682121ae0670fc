namespace Reconhece.Web.Domain;

/// <summary>A half-open span of time [Start, End) in UTC.</summary>
public readonly record struct Period(DateTime Start, DateTime End);

/// <summary>Weeks (Monday–Sunday) and months as the business's own clock sees them, returned in UTC.</summary>
public static class Periods
{
    public static Period WeekOf(DateTime utcNow, TimeZoneInfo zone)
    {
        var local = ToLocal(utcNow, zone).Date;
        var monday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return Between(monday, monday.AddDays(7), zone);
    }

    public static Period MonthOf(DateTime utcNow, TimeZoneInfo zone)
    {
        var local = ToLocal(utcNow, zone);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return Between(first, first.AddMonths(1), zone);
    }

    /// <summary>The Monday that starts the day's week (weeks run Monday to Sunday).</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The business's local time of a UTC instant (the one converter; Format writes what it gives).</summary>
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The business's local day of a UTC instant. SQL twin: local_day(ts, zone).</summary>
    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utc, zone));

    /// <summary>The UTC instant a local day starts in the business's zone. SQL twin: local_day_start(day, zone).</summary>
    public static DateTime DayStart(DateOnly day, TimeZoneInfo zone) => ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>
    /// A local time in UTC. A time that daylight saving skipped (São Paulo's midnight of 04/11/2018) is read
    /// with the offset in force before the change, as PostgreSQL reads it, so the day starts at its first
    /// instant instead of throwing.
    /// </summary>
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!zone.IsInvalidTime(local)) return TimeZoneInfo.ConvertTimeToUtc(local, zone);
        var before = zone.GetUtcOffset(local.AddHours(-3));
        return DateTime.SpecifyKind(local - before, DateTimeKind.Utc);
    }

    /// <summary>The period just before: the previous week, or the previous calendar month.</summary>
    public static Period Previous(Period period, TimeZoneInfo zone, bool month)
    {
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(period.Start, zone);
        var start = month ? localStart.AddMonths(-1) : localStart.AddDays(-7);
        return Between(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), zone);
    }

    /// <summary>
    /// The same stretch of the period before: from its start, as far in as <paramref name="utcNow"/> is into the
    /// current one (Monday 09:00 against last Monday 09:00; the 15th at 14:00 against the 15th of last month at
    /// 14:00, or that month's end when it is shorter). A period so far set against a whole one always looks worse.
    /// </summary>
    public static Period SameSpanBefore(Period current, DateTime utcNow, TimeZoneInfo zone, bool month)
    {
        var previous = Previous(current, zone, month);
        var now = utcNow < current.End ? utcNow : current.End;
        var elapsed = TimeZoneInfo.ConvertTimeFromUtc(now, zone) - TimeZoneInfo.ConvertTimeFromUtc(current.Start, zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(previous.Start, zone) + elapsed;
        var previousEnd = TimeZoneInfo.ConvertTimeFromUtc(previous.End, zone);
        return Between(TimeZoneInfo.ConvertTimeFromUtc(previous.Start, zone), end < previousEnd ? end : previousEnd, zone);
    }

    private static Period Between(DateTime localStart, DateTime localEnd, TimeZoneInfo zone) =>
        new(ToUtc(localStart, zone), ToUtc(localEnd, zone));
}
