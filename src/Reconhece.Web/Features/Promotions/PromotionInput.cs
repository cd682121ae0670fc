using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Promotions;

/// <summary>The promotion form as typed. The id is made when a new form is rendered: a double tap creates one.</summary>
public sealed class PromotionInput
{
    public Guid Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? StartsOn { get; set; }
    public string? StartTime { get; set; }
    public string? EndsOn { get; set; }
    public string? EndTime { get; set; }
    public List<DayOfWeek> Weekdays { get; set; } = [];
    public List<Guid> BranchIds { get; set; } = [];
    public PromotionBenefit Benefit { get; set; }
    public string? Multiplier { get; set; }
    public string? ExtraPoints { get; set; }
    public string? StepPoints { get; set; }
    public string? StepAmount { get; set; }
    public string? AboveAmount { get; set; }
    public string? MinAmount { get; set; }
    public string? MinQuantity { get; set; }
    public string? MaxUsesPerCustomer { get; set; }
    public string? MaxUsesPerDay { get; set; }
    public string? BudgetPoints { get; set; }
    public string? OwnerCost { get; set; }
    /// <summary>"todos", a list slug of Ações ("sumindo"), or a class ("classe-a").</summary>
    public string? Audience { get; set; }
    public string? ControlPercent { get; set; }

    public static PromotionInput New(DateOnly today) => new()
    {
        Id = Guid.NewGuid(), StartsOn = today.ToString("yyyy-MM-dd", Format.PtBr), EndsOn = today.AddDays(6).ToString("yyyy-MM-dd", Format.PtBr),
        Weekdays = [.. Enum.GetValues<DayOfWeek>()], Multiplier = "2", Audience = PromotionAudiences.Everyone, ControlPercent = "10",
    };

    public static PromotionInput From(Promotion p, TimeZoneInfo zone)
    {
        var start = Format.Local(p.StartsAt, zone);
        var end = Format.Local(p.EndsAt, zone);
        // An end typed as a date alone is stored as the next midnight: shown back as that date.
        var endDate = end.TimeOfDay == TimeSpan.Zero ? end.AddDays(-1) : end;
        return new PromotionInput
        {
            Id = p.Id, Name = p.Name, Description = p.Description,
            StartsOn = start.ToString("yyyy-MM-dd", Format.PtBr), StartTime = start.TimeOfDay == TimeSpan.Zero ? null : start.ToString("HH:mm", Format.PtBr),
            EndsOn = endDate.ToString("yyyy-MM-dd", Format.PtBr), EndTime = end.TimeOfDay == TimeSpan.Zero ? null : end.ToString("HH:mm", Format.PtBr),
            Weekdays = Enum.GetValues<DayOfWeek>().Where(p.AppliesOn).ToList(), BranchIds = p.BranchIds ?? [],
            Benefit = p.Benefit,
            Multiplier = p.Benefit == PromotionBenefit.Multiplier ? Format.Points(p.BenefitValue) : null,
            ExtraPoints = p.Benefit == PromotionBenefit.ExtraPoints ? Format.Points(p.BenefitValue) : null,
            StepPoints = p.Benefit == PromotionBenefit.PointsPerReaisAbove ? Format.Points(p.BenefitValue) : null,
            StepAmount = p.StepAmount is { } s ? Format.MoneyInput(s) : null, AboveAmount = p.AboveAmount is { } a ? Format.MoneyInput(a) : null,
            MinAmount = p.MinAmount is { } m ? Format.MoneyInput(m) : null, MinQuantity = p.MinQuantity?.ToString(Format.PtBr),
            MaxUsesPerCustomer = p.MaxUsesPerCustomer?.ToString(Format.PtBr), MaxUsesPerDay = p.MaxUsesPerDay?.ToString(Format.PtBr),
            BudgetPoints = p.BudgetPoints is { } b ? Format.Points(b) : null, OwnerCost = p.OwnerCost is { } c ? Format.MoneyInput(c) : null,
            Audience = PromotionAudiences.Slug(p.Audience, p.AudienceValue), ControlPercent = p.ControlPercent.ToString(Format.PtBr),
        };
    }
}
