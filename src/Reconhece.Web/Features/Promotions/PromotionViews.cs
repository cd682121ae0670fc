using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Promotions;

public sealed record PromotionList(IReadOnlyList<Promotion> Promotions, TimeZoneInfo Zone, DateTime Now);

public sealed record PromotionForm(PromotionInput Input, Promotion? Existing, bool Started, IReadOnlyList<(Guid Id, string Name)> Branches, bool ByUnit);

public sealed record PromotionPage(PromotionResult Result, TimeZoneInfo Zone, IReadOnlyDictionary<Guid, string> Branches);

/// <summary>How promotions read on the pages: status, benefit, weekdays, signed figures.</summary>
public static class PromotionText
{
    private static readonly string[] DayNames = ["dom", "seg", "ter", "qua", "qui", "sex", "sáb"];

    public static string Status(Promotion p, DateTime now, IStringLocalizer<SharedResource> t) =>
        p.IsRunning(now) ? t["Em andamento"] : p.HasStarted(now) ? t["Encerrada"] : t["Agendada"];

    public static string Benefit(Promotion p, IStringLocalizer<SharedResource> t) => p.Benefit switch
    {
        PromotionBenefit.Multiplier => t["Pontos × {0}", Format.Points(p.BenefitValue)],
        PromotionBenefit.ExtraPoints => t.Plural(p.BenefitValue, "+{0} ponto por compra", "+{0} pontos por compra", Format.Points(p.BenefitValue)),
        _ => t.Plural(p.BenefitValue, "+{0} ponto a cada {1} acima de {2}", "+{0} pontos a cada {1} acima de {2}", Format.Points(p.BenefitValue), Format.Money(p.StepAmount ?? 0m), Format.Money(p.AboveAmount ?? 0m)),
    };

    public static string Weekdays(Promotion p, IStringLocalizer<SharedResource> t) =>
        p.Weekdays == Promotion.AllWeekdays ? t["todos os dias"]
        : string.Join(", ", Enum.GetValues<DayOfWeek>().Where(p.AppliesOn).Select(d => t[DayNames[(int)d]].Value));

    /// <summary>The end as the owner typed it: a whole last day reads "03/12/2026 23:59", not the next midnight.</summary>
    public static string End(Promotion p, TimeZoneInfo zone) =>
        Format.Local(p.EffectiveEnd, zone).TimeOfDay == TimeSpan.Zero ? Format.DateTime(p.EffectiveEnd.AddMinutes(-1), zone) : Format.DateTime(p.EffectiveEnd, zone);

    public static string DayName(DayOfWeek day, IStringLocalizer<SharedResource> t) => t[DayNames[(int)day]];

    /// <summary>"+10", "−3" (a true minus sign, as money is written).</summary>
    public static string WithSign(decimal value) => (value < 0 ? "−" : "+") + Format.Points(Math.Abs(value));

    /// <summary>"+R$ 600,00", "−R$ 150,00".</summary>
    public static string MoneyWithSign(decimal value) => (value < 0 ? "−" : "+") + Format.Money(Math.Abs(value));

    /// <summary>"+10 (+100%)"; without a baseline, the difference alone.</summary>
    public static string Change(decimal now, decimal before) =>
        before == 0 ? WithSign(now - before) : $"{WithSign(now - before)} ({WithSign(Math.Round(100m * (now - before) / before, 0))}%)";

    /// <summary>Percentage points with one decimal: "+20,0".</summary>
    public static string PercentagePoints(double fraction) => (fraction < 0 ? "−" : "+") + Math.Abs(fraction * 100).ToString("0.0", Format.PtBr);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", Format.PtBr) + "%";
}
