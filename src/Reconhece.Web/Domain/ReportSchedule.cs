namespace Reconhece.Web.Domain;

/// <summary>
/// When a business's weekly reports are due, as its own clock sees it. The send moment is a weekday and
/// hour in the business's time zone; the report it sends covers the Monday–Sunday week before the week
/// that moment falls in.
/// </summary>
public static class ReportSchedule
{
    /// <summary>The latest send moment at or before <paramref name="utcNow"/> (UTC) and the week it reports.</summary>
    public static (DateTime MomentUtc, DateOnly WeekStart) LatestMoment(DateTime utcNow, TimeZoneInfo zone, DayOfWeek weekday, int hour)
    {
        var local = ToLocal(utcNow, zone);
        var moment = MondayOf(local).AddDays(DaysFromMonday(weekday)).AddHours(hour);
        if (moment > local) moment = moment.AddDays(-7);
        return (ToUtc(moment, zone), DateOnly.FromDateTime(MondayOf(moment).AddDays(-7)));
    }

    /// <summary>
    /// The week whose report is due now, or null when the latest send moment reports a week that ended
    /// before the business existed (a business that signed up on Tuesday gets its first report next week).
    /// </summary>
    public static DateOnly? DueWeek(DateTime utcNow, TimeZoneInfo zone, ReportSettings settings, DateTime businessCreatedAt)
    {
        var (_, week) = LatestMoment(utcNow, zone, settings.Weekday, settings.Hour);
        return WeekPeriod(week, zone).End > businessCreatedAt ? week : null;
    }

    /// <summary>The next send moment after <paramref name="utcNow"/>, in UTC.</summary>
    public static DateTime NextMoment(DateTime utcNow, TimeZoneInfo zone, DayOfWeek weekday, int hour) =>
        ToUtc(ToLocal(LatestMoment(utcNow, zone, weekday, hour).MomentUtc, zone).AddDays(7), zone);

    /// <summary>The last complete Monday–Sunday week before now: what "Gerar agora" and "Enviar agora" report.</summary>
    public static DateOnly LastCompleteWeek(DateTime utcNow, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(MondayOf(ToLocal(utcNow, zone)).AddDays(-7));

    /// <summary>The week [Monday 00:00, next Monday 00:00) in the business's zone, as UTC.</summary>
    public static Period WeekPeriod(DateOnly weekStart, TimeZoneInfo zone)
    {
        var start = weekStart.ToDateTime(TimeOnly.MinValue);
        return new Period(ToUtc(start, zone), ToUtc(start.AddDays(7), zone));
    }

    /// <summary>
    /// How long after a failed send the next attempt comes: soon at first (a mail server restarting),
    /// then less often, at most every six hours. After <see cref="MaxAttempts"/> the run waits for the owner.
    /// </summary>
    public static TimeSpan RetryDelay(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(5),
        2 => TimeSpan.FromMinutes(15),
        3 => TimeSpan.FromMinutes(30),
        4 => TimeSpan.FromHours(1),
        5 => TimeSpan.FromHours(2),
        _ => TimeSpan.FromHours(6),
    };

    /// <summary>The cap. The doors door_claim_report_retries and door_stuck_report_runs name it as {{ReportSchedule.MaxAttempts}} (DatabaseFunctions).</summary>
    public const int MaxAttempts = 24;

    private static int DaysFromMonday(DayOfWeek day) => ((int)day + 6) % 7;

    private static DateTime MondayOf(DateTime local) => local.Date.AddDays(-DaysFromMonday(local.DayOfWeek));

    private static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
}
