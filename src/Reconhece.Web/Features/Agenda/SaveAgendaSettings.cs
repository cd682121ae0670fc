using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Agenda;

public sealed class AgendaSettingsInput
{
    public bool StaffSeesAgenda { get; set; }
    public string? NearGoalPercent { get; set; }
    public string? ConversionDays { get; set; }
    public string? GoalTemplate { get; set; }
    public string? FadingTemplate { get; set; }
    public string? NearGoalTemplate { get; set; }
    public string? BirthdayTemplate { get; set; }
    public string? NewTemplate { get; set; }
    public string? ExpiringTemplate { get; set; }

    public static AgendaSettingsInput From(AgendaSettings s) => new()
    {
        StaffSeesAgenda = s.StaffSeesAgenda, NearGoalPercent = s.NearGoalPercent.ToString(Format.PtBr),
        ConversionDays = s.ConversionDays.ToString(Format.PtBr), GoalTemplate = s.GoalTemplate, FadingTemplate = s.FadingTemplate,
        NearGoalTemplate = s.NearGoalTemplate, BirthdayTemplate = s.BirthdayTemplate, NewTemplate = s.NewTemplate,
        ExpiringTemplate = s.ExpiringTemplate,
    };

    public IEnumerable<(AgendaList List, string Field, string? Text)> Templates() =>
    [
        (AgendaList.Goal, nameof(GoalTemplate), GoalTemplate), (AgendaList.Fading, nameof(FadingTemplate), FadingTemplate),
        (AgendaList.NearGoal, nameof(NearGoalTemplate), NearGoalTemplate), (AgendaList.Birthday, nameof(BirthdayTemplate), BirthdayTemplate),
        (AgendaList.New, nameof(NewTemplate), NewTemplate), (AgendaList.Expiring, nameof(ExpiringTemplate), ExpiringTemplate),
    ];
}

/// <summary>The owner's Ações settings: who sees the agenda, the "Quase lá" share, the conversion window and the messages.</summary>
public sealed class SaveAgendaSettings(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public async Task<FormResult<bool>> HandleAsync(AgendaSettingsInput input, CancellationToken ct)
    {
        var errors = new FormErrors();
        if (!int.TryParse(input.NearGoalPercent?.Trim(), out var near) || near is < 50 or > 99)
            errors.Add(nameof(input.NearGoalPercent), t["Informe um número de 50 a 99."]);
        if (!int.TryParse(input.ConversionDays?.Trim(), out var days) || days is < 1 or > 90)
            errors.Add(nameof(input.ConversionDays), t["Informe um número de dias de 1 a 90."]);
        var templates = new Dictionary<string, string?>();
        foreach (var (_, field, text) in input.Templates())
        {
            var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            templates[field] = value;
            if (value is null) continue;
            if (value.Length > AgendaSettings.TemplateMaxLength)
                errors.Add(field, t["Use no máximo {0} caracteres.", AgendaSettings.TemplateMaxLength]);
            else if (Invitation.UnknownPlaceholders(value) is { Count: > 0 } unknown)
                errors.Add(field, t["Marcador desconhecido: {0}. Use {1}.", string.Join(", ", unknown), string.Join(", ", Invitation.Placeholders.Take(6))]);
        }
        if (errors.Any) return errors.ToResult<bool>();

        var business = await db.Businesses.SingleAsync(ct);
        var a = business.Agenda;
        a.StaffSeesAgenda = input.StaffSeesAgenda;
        a.NearGoalPercent = near;
        a.ConversionDays = days;
        a.GoalTemplate = templates[nameof(input.GoalTemplate)];
        a.FadingTemplate = templates[nameof(input.FadingTemplate)];
        a.NearGoalTemplate = templates[nameof(input.NearGoalTemplate)];
        a.BirthdayTemplate = templates[nameof(input.BirthdayTemplate)];
        a.NewTemplate = templates[nameof(input.NewTemplate)];
        a.ExpiringTemplate = templates[nameof(input.ExpiringTemplate)];
        await db.SaveChangesAsync(ct);
        return FormResult.Ok(true);
    }
}
