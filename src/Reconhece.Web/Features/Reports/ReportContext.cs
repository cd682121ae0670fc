using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Reports;

/// <summary>What every report of one run needs: the business, its program, the week and the moment it was built.</summary>
public sealed record ReportContext(
    string BusinessName, TimeZoneInfo Zone, LoyaltyProgram Program, ReportSettings Settings,
    DateOnly WeekStart, Period Week, DateTime GeneratedAtUtc, IReadOnlyDictionary<AgendaList, string> Messages)
{
    /// <summary>The WhatsApp link a report row carries (the Ações message of that list); none for a customer who does not want contact.</summary>
    public Uri? WhatsApp(AgendaList list, string phone, string? name, decimal balance, DateTime? contactOptOutAt) =>
        contactOptOutAt is not null ? null
        : Invitation.WhatsAppLink(phone, Invitation.Render(Messages[list], new MessageFields(name, BusinessName, balance, Program.Goal, Program.RecognitionText)));

    public string PeriodText => $"Semana de {WeekStart.ToString("dd/MM/yyyy", Format.PtBr)} a {WeekStart.AddDays(6).ToString("dd/MM/yyyy", Format.PtBr)}";
    public string GeneratedText => $"Gerado em {Format.DateTime(GeneratedAtUtc, Zone)} ({Zone.Id})";

    public PdfReportWriter NewPdf(string title) => new(title, BusinessName, PeriodText, GeneratedText);

    public static async Task<ReportContext> LoadAsync(AppDbContext db, DateOnly weekStart, DateTime utcNow, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        var (program, zone) = (business.Program, business.Zone);
        var messages = AgendaLists.Daily.ToDictionary(l => l, l => AgendaLists.TemplateFor(l, business.Agenda, program.InvitationMessage, t));
        return new ReportContext(business.Name, zone, program, business.Reports, weekStart,
            ReportSchedule.WeekPeriod(weekStart, zone), utcNow, messages);
    }

    /// <summary>A customer's name for a list; "—" when the business does not collect it or it is empty.</summary>
    public static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "—" : name;
}
