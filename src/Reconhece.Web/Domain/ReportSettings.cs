namespace Reconhece.Web.Domain;

/// <summary>
/// When the weekly reports go out and to whom. Kept on the business row (an owned type), so every
/// business has them from sign-up and the dispatcher reads them with the business in one query.
/// </summary>
public class ReportSettings
{
    public const int MaxExtraRecipients = 5;

    /// <summary>The weekday of the send moment, in the business's time zone (default Monday).</summary>
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;
    /// <summary>The hour of the send moment, 0–23, in the business's time zone (default 07:00).</summary>
    public int Hour { get; set; } = 7;
    /// <summary>Addresses that get the reports besides the owners, comma-separated; empty for none.</summary>
    public string ExtraRecipients { get; set; } = "";
    /// <summary>Class A ends where the cumulative share of points reaches this percentage (ABC report).</summary>
    public int ClassAPercent { get; set; } = 80;
    /// <summary>Class B ends here; the rest is class C.</summary>
    public int ClassBPercent { get; set; } = 95;
    /// <summary>The owner can stop the weekly email (the Relatórios page still works).</summary>
    public bool WeeklyEmail { get; set; } = true;

    public IReadOnlyList<string> ExtraRecipientList => SplitAddresses(ExtraRecipients);

    /// <summary>Addresses as the owner types them: separated by commas, semicolons, spaces or lines.</summary>
    public static IReadOnlyList<string> SplitAddresses(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
