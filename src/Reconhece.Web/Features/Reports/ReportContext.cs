using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>What every report of one run needs: the business, its program, the week and the moment it was built.</summary>
public sealed record ReportContext(
    string BusinessName, TimeZoneInfo Zone, LoyaltyProgram Program, ReportSettings Settings,
    DateOnly WeekStart, Period Week, DateTime GeneratedAtUtc, WhatsAppShortLinks Links)
{
    /// <summary>
    /// At most this many rows in each list of a weekly PDF: a report is for reading on a phone, a page or so
    /// a list; the full lists are in the app (Reconhecimento, Clientes → inativos) and in "Exportar clientes".
    /// </summary>
    public const int RowsPerList = 40;

    /// <summary>The short link a report row carries, which opens WhatsApp with the Ações message of that list; none for a customer who does not want contact.</summary>
    public Uri? WhatsApp(AgendaList list, Guid customer, DateTime? contactOptOutAt) =>
        contactOptOutAt is not null ? null : Links.Url(Program.BusinessId, customer, list);

    public string PeriodText => $"Semana de {WeekStart.ToString("dd/MM/yyyy", Format.PtBr)} a {WeekStart.AddDays(6).ToString("dd/MM/yyyy", Format.PtBr)}";
    public string GeneratedText => $"Gerado em {Format.DateTime(GeneratedAtUtc, Zone)} ({BrazilTimeZones.Spoken(Zone.Id)})";

    public PdfReportWriter NewPdf(string title) => new(title, BusinessName, PeriodText, GeneratedText);

    /// <summary>"… e mais 1.234 clientes: a lista completa está …", under a list cut at <paramref name="cap"/> rows.</summary>
    public static void More(PdfReportWriter pdf, int total, string where, int cap = RowsPerList)
    {
        if (total > cap) pdf.Line($"… e mais {Format.Count(total - cap, "cliente", "clientes")}: a lista completa está {where}.");
    }

    public static async Task<ReportContext> LoadAsync(AppDbContext db, DateOnly weekStart, DateTime utcNow, WhatsAppShortLinks links, CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        return new ReportContext(business.Name, business.Zone, business.Program, business.Reports, weekStart,
            ReportSchedule.WeekPeriod(weekStart, business.Zone), utcNow, links);
    }

    /// <summary>A customer's name for a list; "—" when the business does not collect it or it is empty.</summary>
    public static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "—" : name;
}
