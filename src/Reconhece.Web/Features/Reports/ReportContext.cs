using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>What every report of one run needs: the business, its program, the week and the moment it was built.</summary>
public sealed record ReportContext(
    string BusinessName, TimeZoneInfo Zone, LoyaltyProgram Program, ReportSettings Settings,
    DateOnly WeekStart, Period Week, DateTime GeneratedAtUtc)
{
    public string PeriodText => $"Semana de {WeekStart.ToString("dd/MM/yyyy", Format.PtBr)} a {WeekStart.AddDays(6).ToString("dd/MM/yyyy", Format.PtBr)}";
    public string GeneratedText => $"Gerado em {Format.DateTime(GeneratedAtUtc, Zone)} ({Zone.Id})";

    public PdfReportWriter NewPdf(string title) => new(title, BusinessName, PeriodText, GeneratedText);

    public static async Task<ReportContext> LoadAsync(AppDbContext db, DateOnly weekStart, DateTime utcNow, CancellationToken ct)
    {
        var business = await db.Businesses.AsNoTracking().SingleAsync(ct);
        var program = await db.Programs.AsNoTracking().SingleAsync(ct);
        var zone = BrazilTimeZones.Find(business.TimeZoneId);
        return new ReportContext(business.Name, zone, program, business.Reports, weekStart,
            ReportSchedule.WeekPeriod(weekStart, zone), utcNow);
    }

    /// <summary>A customer's name for a list; "—" when the business does not collect it or it is empty.</summary>
    public static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "—" : name;
}
