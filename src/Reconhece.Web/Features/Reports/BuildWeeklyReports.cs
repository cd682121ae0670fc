using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Resources;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Reports;

/// <summary>The headline numbers the email body and the Relatórios list show.</summary>

/// <summary>Builds the five PDFs of one run (six on the month's first weekly run) and stores them on it (the caller saves).</summary>
public sealed class BuildWeeklyReports(AppDbContext db, IStringLocalizer<SharedResource> t, WhatsAppShortLinks links)
{
    public static readonly IReadOnlyDictionary<ReportKind, (string Slug, string Title)> Kinds = new Dictionary<ReportKind, (string, string)>
    {
        [ReportKind.Week] = ("sua-semana", WeekSummaryReport.Title),
        [ReportKind.Abc] = ("curva-abc", AbcReport.Title),
        [ReportKind.Goal] = ("meta-atingida", GoalReport.Title),
        [ReportKind.NewCustomers] = ("novos-clientes", NewCustomersReport.Title),
        [ReportKind.Inactive] = ("clientes-inativos", InactiveReport.Title),
        [ReportKind.MonthlySummary] = ("resumo-do-mes", MonthlySummaryReport.Title),
    };

    public async Task BuildAsync(ReportRun run, DateTime utcNow, CancellationToken ct)
    {
        var ctx = await ReportContext.LoadAsync(db, run.WeekStart, utcNow, links, ct);
        var week = await WeekSummaryReport.BuildAsync(db, ctx, t, ct);
        Add(run, ReportKind.Week, week.Pdf, week.Pages);
        var abc = await AbcReport.BuildAsync(db, ctx, ct);
        Add(run, ReportKind.Abc, abc.Pdf, abc.Pages);
        var goal = await GoalReport.BuildAsync(db, ctx, ct);
        Add(run, ReportKind.Goal, goal.Pdf, goal.Pages);
        var fresh = await NewCustomersReport.BuildAsync(db, ctx, ct);
        Add(run, ReportKind.NewCustomers, fresh.Pdf, fresh.Pages);
        var inactive = await InactiveReport.BuildAsync(db, ctx, ct);
        Add(run, ReportKind.Inactive, inactive.Pdf, inactive.Pages);
        if (MonthlySummaryReport.IsDue(run))
        {
            var summary = await MonthlySummaryReport.BuildAsync(db, run.BusinessId, ctx, MonthlySummaryReport.MonthOf(run), t, ct);
            Add(run, ReportKind.MonthlySummary, summary.Pdf, summary.Pages);
        }

        run.Status = ReportRunStatus.Built;
        run.BuiltAt = utcNow;
        run.NewCustomers = fresh.NewCustomers;
        run.EligibleCustomers = goal.Eligible;
        run.InactiveCustomers = inactive.Inactive;
        run.TopCustomer = abc.TopCustomer;
    }

    /// <summary>Where a file is listed, in the email and on Relatórios: "Sua semana" first, then the others in their order.</summary>
    public static int Position(ReportKind kind) => kind == ReportKind.Week ? 0 : (int)kind;

    /// <summary>"curva-abc-2026-11-23.pdf"; the monthly summary is named by its month: "resumo-do-mes-2026-11.pdf".</summary>
    public static string FileName(ReportKind kind, DateOnly weekStart) => kind == ReportKind.MonthlySummary
        ? $"{Kinds[kind].Slug}-{weekStart:yyyy-MM}.pdf"
        : $"{Kinds[kind].Slug}-{weekStart:yyyy-MM-dd}.pdf";

    private void Add(ReportRun run, ReportKind kind, byte[] pdf, int pages) => db.ReportFiles.Add(new ReportFile
    {
        Id = Guid.NewGuid(), BusinessId = run.BusinessId, RunId = run.Id, Kind = kind,
        FileName = FileName(kind, run.WeekStart), Content = pdf, Pages = pages,
    });
}
