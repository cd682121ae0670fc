namespace Reconhece.Web.Domain;

/// <summary>
/// How the owner runs the Ações agenda. Kept on the business row (an owned type, columns agenda_*), so
/// every business has it from sign-up. A template left empty uses the default text of its list.
/// </summary>
public class AgendaSettings
{
    public const int TemplateMaxLength = 500;

    /// <summary>Staff see the agenda too: the customers whose last purchase was at their branch.</summary>
    public bool StaffSeesAgenda { get; set; }
    /// <summary>"Quase lá" starts at this share of the goal.</summary>
    public int NearGoalPercent { get; set; } = 80;
    /// <summary>A contact counts as converted when the customer buys within this many days.</summary>
    public int ConversionDays { get; set; } = 14;
    public string? GoalTemplate { get; set; }
    public string? FadingTemplate { get; set; }
    public string? NearGoalTemplate { get; set; }
    public string? BirthdayTemplate { get; set; }
    public string? NewTemplate { get; set; }
    public string? ExpiringTemplate { get; set; }

    public string? TemplateFor(AgendaList list) => list switch
    {
        AgendaList.Goal => GoalTemplate,
        AgendaList.Fading => FadingTemplate,
        AgendaList.NearGoal => NearGoalTemplate,
        AgendaList.Birthday => BirthdayTemplate,
        AgendaList.New => NewTemplate,
        AgendaList.Expiring => ExpiringTemplate,
        // A group invitation carries its own message.
        _ => null,
    };
}

/// <summary>The agenda's lists, in the order a customer is placed (the first that applies wins).</summary>
public enum AgendaList
{
    Goal = 0,
    Fading = 1,
    NearGoal = 2,
    Birthday = 3,
    New = 4,
    /// <summary>A group invitation (an event, a launch), not a daily list.</summary>
    Group = 5,
    /// <summary>"Pontos vencendo": points that expire within 30 days (placed right after Meta atingida).</summary>
    Expiring = 6,
}

/// <summary>How a contact was made.</summary>
public enum ContactChannel
{
    WhatsApp = 0,
    Phone = 1,
    InPerson = 2,
    /// <summary>An automatic message (issue 23) the provider accepted: logged by the sender, with no person.</summary>
    Automatic = 3,
}
