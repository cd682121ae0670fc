using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>Options of the weekly reports (section "Reports"), validated when the app starts.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Report PDFs older than this many days are deleted daily; the runs and their numbers stay.</summary>
    public int KeepFilesDays { get; set; } = 180;

    /// <summary>The folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf.</summary>
    public string FontFolder { get; set; } = PdfFonts.DefaultFolder;

    public static IServiceCollection AddReportOptions(IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(Section)
            .Validate(o => o.KeepFilesDays is >= 7 and <= 3650, "Reports:KeepFilesDays must be between 7 and 3650 days")
            // Both faces, regular and bold: a report with a missing bold font would fail only when built, at night.
            .Validate(o => PdfFonts.Missing(o.FontFolder).Count == 0, "Reports:FontFolder lacks DejaVuSans.ttf or DejaVuSans-Bold.ttf: install Debian's fonts-dejavu-core or point Reports__FontFolder at both files")
            .ValidateOnStart();
        return services;
    }
}
