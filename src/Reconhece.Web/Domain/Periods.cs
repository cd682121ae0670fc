namespace Reconhece.Web.Domain;

/// <summary>A half-open span of time [Start, End) in UTC.</summary>
public readonly record struct Period(DateTime Start, DateTime End);

/// <summary>Weeks (Monday–Sunday) and months as the business's own clock sees them, returned in UTC.</summary>
public static class Periods
{
    public static Period WeekOf(DateTime utcNow, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone).Date;
        var monday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return Between(monday, monday.AddDays(7), zone);
    }

    public static Period MonthOf(DateTime utcNow, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return Between(first, first.AddMonths(1), zone);
    }

    /// <summary>The Monday that starts the day's week (weeks run Monday to Sunday).</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The UTC instant a local day starts in the business's zone.</summary>
    public static DateTime DayStart(DateOnly day, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>The period just before: the previous week, or the previous calendar month.</summary>
    public static Period Previous(Period period, TimeZoneInfo zone, bool month)
    {
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(period.Start, zone);
        var start = month ? localStart.AddMonths(-1) : localStart.AddDays(-7);
        return Between(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), zone);
    }

    private static Period Between(DateTime localStart, DateTime localEnd, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), zone),
            TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localEnd, DateTimeKind.Unspecified), zone));
}
