using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Reports;

public sealed class ReportSettingsInput
{
    [Display(Name = "Dia do envio")]
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;

    [Display(Name = "Hora do envio")]
    [Range(0, 23, ErrorMessage = "Escolha uma hora entre 0 e 23.")]
    public int Hour { get; set; } = 7;

    public bool WeeklyEmail { get; set; } = true;

    [Display(Name = "Outros destinatários")]
    [StringLength(1000, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string? ExtraRecipients { get; set; }

    [Display(Name = "Classe A até (%)")]
    [Range(1, 99, ErrorMessage = "Use um número entre 1 e 99.")]
    public int ClassAPercent { get; set; } = 80;

    [Display(Name = "Classe B até (%)")]
    [Range(1, 99, ErrorMessage = "Use um número entre 1 e 99.")]
    public int ClassBPercent { get; set; } = 95;

    public static ReportSettingsInput From(ReportSettings s) => new()
    {
        Weekday = s.Weekday, Hour = s.Hour, WeeklyEmail = s.WeeklyEmail, ExtraRecipients = s.ExtraRecipients,
        ClassAPercent = s.ClassAPercent, ClassBPercent = s.ClassBPercent,
    };
}

public sealed record ReportSettingsForm(ReportSettingsInput Input, IReadOnlyList<Change> Changes, TimeZoneInfo Zone);

/// <summary>Saves when the weekly reports go out, to whom, and the ABC thresholds. Bad addresses change nothing.
/// Every change is logged: the recipients get customers' personal data (LGPD), so who added an address matters.</summary>
public sealed class SaveReportSettings(AppDbContext db, ReportRecipients recipients, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const string AuditSubject = "Relatórios";

    public async Task<FormResult<bool>> HandleAsync(ReportSettingsInput input, Guid userId, CancellationToken ct)
    {
        var errors = new FormErrors();
        if (!Enum.IsDefined(input.Weekday)) errors.Add(nameof(input.Weekday), t["Escolha um dia da semana."]);
        if (!AbcClasses.ValidThresholds(input.ClassAPercent, input.ClassBPercent))
            errors.Add(nameof(input.ClassBPercent), t["A classe B precisa terminar depois da classe A e antes de 100%."]);

        var addresses = new List<string>();
        foreach (var raw in ReportSettings.SplitAddresses(input.ExtraRecipients))
        {
            if (!IsPlainAddress(raw))
                errors.Add(nameof(input.ExtraRecipients), t["\"{0}\" não é um e-mail válido.", raw]);
            else if (!addresses.Contains(raw, StringComparer.OrdinalIgnoreCase))
                addresses.Add(raw);
        }
        if (addresses.Count > ReportSettings.MaxExtraRecipients)
            errors.Add(nameof(input.ExtraRecipients), t["Informe no máximo {0} e-mails.", ReportSettings.MaxExtraRecipients]);
        if (errors.Any) return errors.ToResult<bool>();

        var business = await db.Businesses.SingleAsync(ct);
        var before = Describe(business.Reports);
        business.Reports.Weekday = input.Weekday;
        business.Reports.Hour = input.Hour;
        business.Reports.WeeklyEmail = input.WeeklyEmail;
        business.Reports.ExtraRecipients = string.Join(", ", addresses);
        business.Reports.ClassAPercent = input.ClassAPercent;
        business.Reports.ClassBPercent = input.ClassBPercent;
        ChangeLog.Record(db, userId, clock.GetUtcNow().UtcDateTime, AuditSubject, business.Id, before, Describe(business.Reports));
        await recipients.SyncAsync(addresses, ct);
        await db.SaveChangesAsync(ct);
        // New addresses get their confirmation link; nothing goes to them before they confirm.
        await recipients.InvitePendingAsync(again: false, ct);
        return FormResult.Ok(true);
    }

    /// <summary>The settings as the owner reads them, for the change log.</summary>
    private static Dictionary<string, string> Describe(ReportSettings s) => new()
    {
        ["Envio semanal"] = s.WeeklyEmail ? "sim" : "não",
        ["Dia do envio"] = ReportLabels.Weekday(s.Weekday),
        ["Hora do envio"] = $"{s.Hour:00}:00",
        ["Outros destinatários"] = s.ExtraRecipients,
        ["Classe A até"] = $"{s.ClassAPercent}%",
        ["Classe B até"] = $"{s.ClassBPercent}%",
    };

    /// <summary>name@domain.tld and nothing else: no display names, no lists, no spaces.</summary>
    private static bool IsPlainAddress(string value) =>
        value.Length <= 200 && MailboxAddress.TryParse(value, out var m) && string.IsNullOrEmpty(m.Name) && m.Address == value
        && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.');
}
