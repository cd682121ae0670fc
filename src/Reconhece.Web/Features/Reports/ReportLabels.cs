using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Reports;

/// <summary>pt-BR words for the Relatórios pages (keys for the localizer).</summary>
public static class ReportLabels
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "segunda-feira",
        DayOfWeek.Tuesday => "terça-feira",
        DayOfWeek.Wednesday => "quarta-feira",
        DayOfWeek.Thursday => "quinta-feira",
        DayOfWeek.Friday => "sexta-feira",
        DayOfWeek.Saturday => "sábado",
        _ => "domingo",
    };

    /// <summary>A run that only waits for the owner's email to be confirmed: said in amber, never "Falhou".</summary>
    public static bool WaitsForConfirmation(ReportRunRow r) =>
        r.Status == ReportRunStatus.Failed && r.LastError == SendWeeklyReport.NoConfirmedRecipient;

    /// <summary>Where a run stands, as the owner reads it: sent, failed with the next attempt, waiting.</summary>
    public static string Status(ReportRunRow r, TimeZoneInfo zone, DateTime nowUtc, IStringLocalizer t) => r.Status switch
    {
        _ when WaitsForConfirmation(r) => t["Aguardando a confirmação do seu e-mail. Abra o link que enviamos; depois toque em \"Enviar agora\"."],
        ReportRunStatus.Sent => t["Enviado em {0} para {1}.", Format.DateTime(r.SentAt!.Value, zone), r.SentTo ?? ""],
        ReportRunStatus.Failed when r.NextAttemptAt is { } next => t["Falhou, nova tentativa às {0}{1}. {2}",
            Format.Local(next, zone).ToString("HH:mm", Format.PtBr),
            Format.Local(next, zone).Date == Format.Local(nowUtc, zone).Date ? "" : " (" + Format.Date(next, zone) + ")",
            r.LastError ?? ""],
        ReportRunStatus.Failed => t["Falhou: {0} Toque em \"Enviar agora\" para tentar de novo.", r.LastError ?? ""],
        ReportRunStatus.Built when !r.IsWeekly => t["Gerado em {0}; não foi enviado por e-mail.", Format.DateTime(r.CreatedAt, zone)],
        _ => t["Aguardando envio."],
    };
}
