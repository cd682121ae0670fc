using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.Reports;

/// <summary>Options of the weekly reports (section "Reports"), validated when the app starts.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Report PDFs older than this many days are deleted daily; the runs and their numbers stay.</summary>
    public int KeepFilesDays { get; set; } = 180;

    /// <summary>Above this total size the PDFs go as signed download links, not attachments.</summary>
    public int AttachUpToMegabytes { get; set; } = 5;

    /// <summary>How long those download links work.</summary>
    public int LinkDays { get; set; } = 14;

    public long AttachUpToBytes => AttachUpToMegabytes * 1024L * 1024L;

    /// <summary>
    /// How long an attempt owns its run before the dispatcher may start another (the attempt's lease). Long
    /// enough for the biggest report to build and send; the fault scripts shorten it to see killed workers
    /// recover within seconds.
    /// </summary>
    public int LeaseSeconds { get; set; } = 30 * 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>
    /// The most invitations one business may send in a UTC day to addresses that are not its confirmed people
    /// (a platform setting: a free sign-up must not turn Reconhece into a relay).
    /// </summary>
    public int InvitationsPerBusinessPerDay { get; set; } = 20;

    /// <summary>The folder with the report font's two faces (<see cref="PdfFonts"/>).</summary>
    public string FontFolder { get; set; } = PdfFonts.DefaultFolder;

    public static IServiceCollection AddReportOptions(IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(Section)
            .Validate(o => o.KeepFilesDays is >= 7 and <= 3650, "Reports:KeepFilesDays must be between 7 and 3650 days")
            .Validate(o => o.AttachUpToMegabytes is >= 0 and <= 50, "Reports:AttachUpToMegabytes must be between 0 and 50")
            .Validate(o => o.LeaseSeconds is >= 5 and <= 86_400, "Reports:LeaseSeconds must be between 5 and 86400")
            .Validate(o => o.LinkDays is >= 1 and <= 90, "Reports:LinkDays must be between 1 and 90")
            .Validate(o => o.InvitationsPerBusinessPerDay is >= 1 and <= 10_000, "Reports:InvitationsPerBusinessPerDay must be between 1 and 10000")
            // Both faces, regular and bold: a report with a missing bold font would fail only when built, at night.
            .Validate(o => PdfFonts.Missing(o.FontFolder).Count == 0, $"Reports:FontFolder lacks {PdfFonts.Regular}.ttf or {PdfFonts.Bold}.ttf: install Debian's {PdfFonts.DebianPackage} or point Reports__FontFolder at both files")
            .ValidateOnStart();
        return services;
    }
}
