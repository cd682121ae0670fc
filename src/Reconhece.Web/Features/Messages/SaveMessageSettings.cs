using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Messages;

public sealed class MessageSettingsInput
{
    /// <summary>The triggers turned on, by name ("GoalReached"); a checkbox each.</summary>
    public List<string> Triggers { get; set; } = [];
    public string? HoldoutPercent { get; set; }
    public string? SendFromHour { get; set; }
    public string? SendUntilHour { get; set; }
    public string? MaxPerThreeDays { get; set; }
    public string? MaxPerThirtyDays { get; set; }
    public string? DailyLimit { get; set; }
    public string? ExpiringDaysBefore { get; set; }
    public bool BirthdayOnMonday { get; set; }

    public static MessageSettingsInput From(MessageSettings s) => new()
    {
        Triggers = MessageTriggers.Planned.Where(s.IsOn).Select(t => t.ToString()).ToList(),
        HoldoutPercent = s.HoldoutPercent.ToString(Format.PtBr), SendFromHour = s.SendFromHour.ToString(Format.PtBr),
        SendUntilHour = s.SendUntilHour.ToString(Format.PtBr), MaxPerThreeDays = s.MaxPerThreeDays.ToString(Format.PtBr),
        MaxPerThirtyDays = s.MaxPerThirtyDays.ToString(Format.PtBr), DailyLimit = s.DailyLimit.ToString(Format.PtBr),
        ExpiringDaysBefore = s.ExpiringDaysBefore.ToString(Format.PtBr), BirthdayOnMonday = s.BirthdayOnMonday,
    };
}

/// <summary>Ações › Mensagens automáticas (owner): which triggers send by themselves, the holdout, the hours and the cap.</summary>
public sealed class SaveMessageSettings(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public const int MaxDailyLimit = 10_000;

    public async Task<FormResult<bool>> HandleAsync(MessageSettingsInput input, CancellationToken ct)
    {
        var errors = new FormErrors();
        static bool Number(string? text, int min, int max, out int value) => int.TryParse(text?.Trim(), out value) && value >= min && value <= max;
        if (!Number(input.HoldoutPercent, 0, 50, out var holdout))
            errors.Add(nameof(input.HoldoutPercent), t["Informe um número de 0 a 50."]);
        if (!Number(input.SendFromHour, 0, 23, out var from))
            errors.Add(nameof(input.SendFromHour), t["Informe uma hora de 0 a 23."]);
        if (!Number(input.SendUntilHour, 1, 24, out var until))
            errors.Add(nameof(input.SendUntilHour), t["Informe uma hora de 1 a 24."]);
        else if (until <= from)
            errors.Add(nameof(input.SendUntilHour), t["O fim precisa ser depois do início."]);
        var threeOk = Number(input.MaxPerThreeDays, 1, 3, out var three);
        if (!threeOk)
            errors.Add(nameof(input.MaxPerThreeDays), t["Informe um número de 1 a 3."]);
        if (!Number(input.MaxPerThirtyDays, 1, 10, out var thirty))
            errors.Add(nameof(input.MaxPerThirtyDays), t["Informe um número de 1 a 10."]);
        else if (threeOk && thirty < three)
            errors.Add(nameof(input.MaxPerThirtyDays), t["Em 30 dias, pelo menos tantas quanto em 3 dias."]);
        if (!Number(input.DailyLimit, 1, MaxDailyLimit, out var daily))
            errors.Add(nameof(input.DailyLimit), t["Informe um número de 1 a {0}.", MaxDailyLimit.ToString("N0", Format.PtBr)]);
        if (!Number(input.ExpiringDaysBefore, 1, 30, out var expiringDays))
            errors.Add(nameof(input.ExpiringDaysBefore), t["Informe um número de 1 a 30."]);
        var unknown = input.Triggers.Where(x => !Enum.TryParse<MessageTrigger>(x, out var v) || !MessageTriggers.Planned.Contains(v)).ToList();
        if (unknown.Count > 0) errors.Add(nameof(input.Triggers), t["Escolha entre as mensagens da lista."]);
        if (errors.Any) return errors.ToResult<bool>();

        var business = await db.Businesses.SingleAsync(ct);
        var m = business.Messages;
        foreach (var trigger in MessageTriggers.Planned) m.Set(trigger, input.Triggers.Contains(trigger.ToString()));
        (m.HoldoutPercent, m.SendFromHour, m.SendUntilHour, m.MaxPerThreeDays, m.MaxPerThirtyDays, m.DailyLimit) = (holdout, from, until, three, thirty, daily);
        (m.ExpiringDaysBefore, m.BirthdayOnMonday) = (expiringDays, input.BirthdayOnMonday);
        await db.SaveChangesAsync(ct);
        return FormResult.Ok(true);
    }
}
