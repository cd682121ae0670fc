using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// The one home of what each trigger means: which Ações list finds its customers, and what makes one
/// occasion (the part of the outbox key that stops a trigger from planning the same thing twice).
/// </summary>
public static class MessageTriggers
{
    /// <summary>The Ações list whose customers a trigger messages (the agenda already leaves out who must not be contacted).</summary>
    public static AgendaList List(MessageTrigger trigger) => trigger switch
    {
        MessageTrigger.Welcome => AgendaList.New,
        MessageTrigger.GoalReached => AgendaList.Goal,
        MessageTrigger.NearGoal => AgendaList.NearGoal,
        MessageTrigger.Expiring => AgendaList.Expiring,
        MessageTrigger.Fading => AgendaList.Fading,
        MessageTrigger.Birthday => AgendaList.Birthday,
        MessageTrigger.Invitation => AgendaList.Group,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };

    public static MessageTrigger? For(AgendaList list) =>
        Enum.GetValues<MessageTrigger>().Cast<MessageTrigger?>().FirstOrDefault(t => List(t!.Value) == list);

    /// <summary>The triggers the planner finds from the Ações lists; Convite is planned when the owner sends an invitation.</summary>
    public static readonly MessageTrigger[] Planned =
        [MessageTrigger.Welcome, MessageTrigger.GoalReached, MessageTrigger.NearGoal, MessageTrigger.Expiring, MessageTrigger.Fading, MessageTrigger.Birthday];

    /// <summary>A group invitation's occasion: the invitation itself.</summary>
    public static string InvitationOccasion(Guid invitationId) => "convite:" + invitationId.ToString("N");

    public static Guid? InvitationOf(string occasion) =>
        occasion.StartsWith("convite:", StringComparison.Ordinal) && Guid.TryParseExact(occasion["convite:".Length..], "N", out var id) ? id : null;

    /// <summary>
    /// The occasion a row of the trigger's list stands for, or null when it is not due yet:
    /// - Boas-vindas: once per customer, from the day after the first purchase;
    /// - Meta atingida: once per eligibility (its start);
    /// - Quase lá: once per approach to a gift (how many gifts came before);
    /// - Pontos vencendo: once per expiry (the oldest expiring points' start), from N days before it (7 by default);
    /// - Sumindo: once per absence (the purchase it started after);
    /// - Aniversário: once a year.
    /// </summary>
    public static string? Occasion(MessageTrigger trigger, AgendaRow row, int giftsBefore, MessageSettings settings, int? expiryMonths, TimeZoneInfo zone, DateTime utcNow)
    {
        var today = Periods.LocalDay(utcNow, zone);
        return trigger switch
        {
            MessageTrigger.Welcome => row.FirstPurchaseAt is { } first && Periods.LocalDay(first, zone) < today ? "boas-vindas" : null,
            MessageTrigger.GoalReached => row.EligibleSince is { } since ? "meta:" + Stamp(since) : null,
            MessageTrigger.NearGoal => "quase:" + giftsBefore.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Ações lists points expiring within 30 days; the message waits until the oldest expire within the owner's N days (7).
            MessageTrigger.Expiring => row.ExpiringCountsFrom is { } from && expiryMonths is { } months
                                       && from.AddMonths(months) <= utcNow.AddDays(settings.ExpiringDaysBefore) ? "vence:" + Stamp(from) : null,
            MessageTrigger.Fading => row.LastPurchaseAt is { } last ? "sumindo:" + Stamp(last) : null,
            MessageTrigger.Birthday => "aniversario:" + today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>
    /// The first moment a message may leave: now when it is inside the business's sending hours, else the
    /// next opening (9:00 by default). A birthday waits for the day itself, or the Monday of its week.
    /// </summary>
    public static DateTime DueAt(MessageTrigger trigger, AgendaRow row, MessageSettings settings, TimeZoneInfo zone, DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var day = DateOnly.FromDateTime(local);
        if (trigger == MessageTrigger.Birthday && row.BirthDate is { } born)
        {
            // The agenda shows birthdays a week ahead; the message waits for the day (29 February: the 28th in other years).
            for (var d = day; d < day.AddDays(8); d = d.AddDays(1))
                if ((d.Month, d.Day) == (born.Month, born.Day) || (born is { Month: 2, Day: 29 } && d is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(d.Year)))
                {
                    // Or the Monday of its week, when the owner chose so (never before today).
                    var target = settings.BirthdayOnMonday ? d.AddDays(-(((int)d.DayOfWeek + 6) % 7)) : d;
                    if (target > day) return Opening(target, settings, zone);
                    break;
                }
        }
        return SendableFrom(settings, zone, utcNow);
    }

    /// <summary>Now when it is inside the business's sending hours, else the next opening.</summary>
    public static DateTime SendableFrom(MessageSettings settings, TimeZoneInfo zone, DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        if (local.Hour >= settings.SendFromHour && local.Hour < settings.SendUntilHour) return utcNow;
        return Opening(DateOnly.FromDateTime(local).AddDays(local.Hour < settings.SendFromHour ? 0 : 1), settings, zone);
    }

    private static DateTime Opening(DateOnly day, MessageSettings settings, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(settings.SendFromHour, 0)), zone);

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
}
