using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Xunit;

namespace Reconhece.IntegrationTests.Support;

/// <summary>Reading the Relatórios page and its PDFs back as a person would see them.</summary>
public static class ReportScenario
{
    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    /// <summary>A moment in São Paulo's local time, as UTC.</summary>
    public static DateTimeOffset LocalSp(DateOnly day, int hour, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), SaoPaulo), TimeSpan.Zero);

    /// <summary>Presses a button of the Relatórios page ("Gerar agora" → /relatorios/gerar) like a phone would.</summary>
    public static Task<Page> PressAsync(this AppClient client, string action, IReadOnlyDictionary<string, string>? overrides = null) =>
        client.SubmitAsync("/relatorios", overrides ?? new Dictionary<string, string>(), action);

    /// <summary>The PDF links of one run on the page, by file slug ("curva-abc" ...).</summary>
    public static IReadOnlyDictionary<string, string> PdfLinks(this Page page, string runElementId) =>
        page.Doc.GetElementById(runElementId)!.QuerySelectorAll("a[href$='.pdf']")
            .Select(a => a.GetAttribute("href")!).ToDictionary(h => Path.GetFileNameWithoutExtension(h), h => h);

    public static string FirstRunId(this Page page) =>
        page.Doc.QuerySelector("ul.list li[id^='r-']")?.Id ?? throw new InvalidOperationException("No report run listed.\n" + page.Text);

    public static async Task<byte[]> DownloadAsync(this AppClient client, string url)
    {
        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The text of every page, line by line (words grouped by baseline, left to right).</summary>
    public static List<string> PdfLines(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var lines = new List<string>();
        foreach (var page in doc.GetPages())
            lines.AddRange(page.GetWords()
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
                .OrderByDescending(g => g.Key)
                .Select(g => Page.Normalize(string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))));
        return lines;
    }

    /// <summary>The text of every page as one paragraph (lines joined with a space, as wrapped text reads).</summary>
    public static string PdfText(byte[] pdf) => string.Join(" ", PdfLines(pdf));

    /// <summary>
    /// The listed records (a customer, a segment, a purchase) as one string each: the heading line (the one
    /// starting with <paramref name="heading"/>'s match) and its field lines, up to the next heading, a
    /// "… e mais" line or the footer.
    /// </summary>
    public static List<string> PdfRecords(byte[] pdf, System.Text.RegularExpressions.Regex heading)
    {
        var records = new List<string>();
        System.Text.StringBuilder? current = null;
        foreach (var line in PdfLines(pdf))
        {
            if (heading.IsMatch(line))
            {
                if (current is not null) records.Add(current.ToString());
                current = new System.Text.StringBuilder(line);
            }
            else if (current is not null && (line.StartsWith('…') || line.Contains("Página ", StringComparison.Ordinal) || !line.Contains(": ", StringComparison.Ordinal)))
            {
                records.Add(current.ToString());
                current = null;
            }
            else current?.Append(' ').Append(line);
        }
        if (current is not null) records.Add(current.ToString());
        return records;
    }

    /// <summary>A customer's record: its heading carries a Brazilian mobile.</summary>
    public static readonly System.Text.RegularExpressions.Regex CustomerHeading = new(@"\(\d\d\) 9\d{4}-\d{4}$");

    /// <summary>Every letter's size and every page's size, as a phone reader meets them.</summary>
    public static (double SmallestLetter, IReadOnlyList<(double Width, double Height)> Pages) PdfGeometry(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var pages = doc.GetPages().ToList();
        return (pages.SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).Min(l => l.PointSize),
            pages.Select(p => (p.Width, p.Height)).ToList());
    }

    public static int PdfPages(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.NumberOfPages;
    }

    /// <summary>Saves the PDF and its first page as PNG (pdftoppm) under artifacts/, for a person to look at.</summary>
    public static void SaveArtefact(byte[] pdf, string name)
    {
        var dir = Path.Combine(Environment.GetEnvironmentVariable("RECONHECE_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "reconhece-artifacts"), "reports");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        if (!File.Exists("/usr/bin/pdftoppm")) return;
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path, Path.Combine(dir, name)]));
        p!.WaitForExit(30_000);
    }

    /// <summary>The link of the first email to <paramref name="address"/> whose text has <paramref name="path"/>, as a local path.</summary>
    public static string LinkIn(SmtpTestServer smtp, string address, string path)
    {
        var text = smtp.To(address).Select(m => m.TextBody ?? "").Last(t => t.Contains(path, StringComparison.Ordinal));
        var url = System.Text.RegularExpressions.Regex.Match(text, @"https?://\S+").Value;
        return new Uri(url).PathAndQuery;
    }

    /// <summary>What the job queue would do: every invitation job of the business's extra addresses, run now.</summary>
    public static async Task RunInvitationJobsAsync(this ReportsAppFactory app, OwnerSession owner)
    {
        var ids = await app.AsAdminAsync(db => db.ReportRecipients.Where(r => r.BusinessId == owner.BusinessId).Select(r => r.Id).ToListAsync());
        foreach (var id in ids)
            await app.InScopeAsync<Reconhece.Web.Features.Reports.ReportRecipients, int>(async r => { await r.InviteAsync(owner.BusinessId, id); return 0; });
    }

    /// <summary>
    /// Each pending extra recipient gets its invitation (the job, run here) and confirms on the link's page
    /// (invitations wait for the owner's own confirmed address, which SignUpAsync gives by default).
    /// </summary>
    public static async Task ConfirmExtraRecipientsAsync(this ReportsAppFactory app, OwnerSession owner)
    {
        var pending = await app.AsAdminAsync(db => db.ReportRecipients.Where(r => r.BusinessId == owner.BusinessId && r.ConfirmedAt == null)
            .Select(r => new { r.Id, r.Email }).ToListAsync());
        foreach (var r in pending)
        {
            await app.InScopeAsync<Reconhece.Web.Features.Reports.ReportRecipients, int>(async x => { await x.InviteAsync(owner.BusinessId, r.Id); return 0; });
            var link = LinkIn(app.Smtp, r.Email, "/relatorios/confirmar/");
            var client = app.NewClient();
            Assert.True((await client.GetAsync(link)).Shows("Confirmar e receber os relatórios"));
            var page = await client.SubmitAsync(link, new Dictionary<string, string>());
            Assert.True(page.Shows("Pronto! Você passa a receber"), page.Text);
            Assert.True((await client.SubmitAsync(link, new Dictionary<string, string>())).Shows("Pronto! Você passa a receber")); // a second tap too
        }
    }

    /// <summary>The PDFs a run carries: five, and "Resumo do mês" on the month's first weekly run (the app's own rule).</summary>
    public static int ExpectedFiles(Reconhece.Web.Domain.ReportRun run) => Reconhece.Web.Features.Reports.MonthlySummaryReport.IsDue(run) ? 6 : 5;

    /// <summary>The PDFs of the business's only run, as <see cref="ExpectedFiles(Reconhece.Web.Domain.ReportRun)"/> says.</summary>
    public static async Task<int> ExpectedFilesAsync(this AppFactory app, OwnerSession owner) =>
        ExpectedFiles(await app.InBusinessAsync(owner.BusinessId, db => db.ReportRuns.AsNoTracking().SingleAsync()));

    /// <summary>A report run for a past week (not the weekly one), ready for the send job.</summary>
    public static async Task<Guid> AddRunAsync(this AppFactory app, OwnerSession owner)
    {
        var runId = Guid.NewGuid();
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            db.ReportRuns.Add(new Reconhece.Web.Domain.ReportRun
            {
                Id = runId, WeekStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)), IsWeekly = false,
                CreatedAt = DateTime.UtcNow, MessageId = $"teste-{runId:N}@reconhece.app",
            });
            return await db.SaveChangesAsync();
        });
        return runId;
    }

    /// <summary>The weekly report emails an address got (the account emails, such as confirmations, are others).</summary>
    public static List<MimeKit.MimeMessage> ReportEmailsTo(this SmtpTestServer smtp, string address) =>
        smtp.To(address).Where(m => m.Subject?.StartsWith("Relatórios", StringComparison.Ordinal) == true).ToList();
}
