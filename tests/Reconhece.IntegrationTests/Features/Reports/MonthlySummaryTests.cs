using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Reports;
using Reconhece.Web.Features.Segments;
using Reconhece.Web.Resources;
using UglyToad.PdfPig;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>
/// "Resumo do mês" rides with the first weekly send of each month, through the real SMTP server: the month's
/// figures against independent SQL, vector charts, the RFV table, once; the weekly email's month trend.
/// </summary>
public sealed class MonthlySummaryTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly TimeZoneInfo Sp = ReportScenario.SaoPaulo;

    [Fact]
    public async Task The_first_weekly_send_of_december_carries_novembers_summary_once_and_the_next_week_does_not()
    {
        app.Clock.Now = null;
        app.Smtp.Failing = false;
        var owner = await app.SignUpAsync("Sorveteria do Mês");
        await SeedAsync(owner);
        // Segments as the nightly job left them on 6 December.
        app.Clock.Now = ReportScenario.LocalSp(new DateOnly(2026, 12, 6), 4, 30);
        await app.InScopeAsync<RecomputeSegments, int>(job => job.RunAsync());

        // Monday 7 December, 07:05: the week of 30/11 is due, the first send of December.
        var december7 = ReportScenario.LocalSp(new DateOnly(2026, 12, 7), 7, 5).UtcDateTime;
        app.Clock.Now = december7;
        var run = Assert.Single(await DispatchAsync(december7), r => r.BusinessId == owner.BusinessId);
        var sent = await Task.WhenAll(SendAsync(owner, run.RunId), SendAsync(owner, run.RunId));
        var again = await SendAsync(owner, run.RunId);

        Assert.Contains(ReportRunStatus.Sent, sent);
        Assert.Equal(ReportRunStatus.Sent, again);
        var mail = Assert.Single(app.Smtp.ReportEmailsTo(owner.Email));
        var pdfs = mail.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(6, pdfs.Count);
        var summary = pdfs.Single(p => p.FileName == "resumo-do-mes-2026-11.pdf");
        using var bytes = new MemoryStream();
        await summary.Content!.DecodeToAsync(bytes);
        var pdf = bytes.ToArray();
        ReportScenario.SaveArtefact(pdf, "resumo-do-mes");
        var lines = ReportScenario.PdfLines(pdf);
        var text = ReportScenario.PdfText(pdf);

        // The month's figures equal independent SQL over the seeded purchases.
        var (novRevenue, novPurchases, novNew) = await MonthAsync(owner, new DateOnly(2026, 11, 1));
        var (octRevenue, _, _) = await MonthAsync(owner, new DateOnly(2026, 10, 1));
        Assert.Contains("Novembro de 2026 e os 11 meses antes", lines);
        Assert.Contains($"• Faturamento: {Money(novRevenue)} (outubro de 2026: {Money(octRevenue)}; +", text, StringComparison.Ordinal);
        Assert.Contains($"• Compras: {novPurchases} (outubro de 2026:", text, StringComparison.Ordinal);
        Assert.Contains($"• Clientes novos: {novNew} (", text, StringComparison.Ordinal);
        // Charts: drawn as vectors (no image), titled, with the months under the bars.
        using (var doc = PdfDocument.Open(pdf))
            Assert.All(doc.GetPages(), p => Assert.Empty(p.GetImages()));
        Assert.Contains("Faturamento — 12 meses", lines);
        // Horizontal bars, a month a line (twelve fit a phone's width at 11 pt), nine charts.
        Assert.Equal(9, lines.Count(l => l.StartsWith("dez ", StringComparison.Ordinal)));
        Assert.Equal(9, lines.Count(l => l.StartsWith("nov ", StringComparison.Ordinal)));
        // The RFV table: each segment's size as stored, adding up to every buyer.
        var sizes = await app.InBusinessAsync(owner.BusinessId, db => db.Customers.Where(c => c.Segment != null).GroupBy(c => c.Segment!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(30, sizes.Values.Sum());
        var t = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var names = Enum.GetValues<RfvSegment>().Select(s => SegmentLabels.Name(s, t)).ToHashSet();
        var records = ReportScenario.PdfRecords(pdf, new System.Text.RegularExpressions.Regex("^(" + string.Join("|", names.Select(System.Text.RegularExpressions.Regex.Escape)) + ")$"));
        Assert.Equal(names.Count, records.Count);
        foreach (var (segment, count) in sizes)
            Assert.Contains(records, r => r.StartsWith($"{SegmentLabels.Name(segment, t)} Clientes: {count} ·", StringComparison.Ordinal));

        // The email's month trend: December to the week's Sunday against 1–6 November.
        var (decRevenue, decPurchases, _) = await PeriodAsync(owner, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 7));
        var (early, earlyPurchases, _) = await PeriodAsync(owner, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7));
        var body = Page.Normalize(mail.TextBody);
        Assert.Contains("O mês até agora:", body, StringComparison.Ordinal);
        Assert.Contains($"• Dezembro até 06/12: {Money(decRevenue)} em {decPurchases} compra", body, StringComparison.Ordinal);
        Assert.Contains($"• Nos mesmos dias de novembro: {Money(early)} em {earlyPurchases} compra", body, StringComparison.Ordinal);
        Assert.Contains("Resumo do mês (resumo-do-mes-2026-11.pdf)", body, StringComparison.Ordinal);

        // The next Monday's set is the usual five.
        var december14 = ReportScenario.LocalSp(new DateOnly(2026, 12, 14), 7, 5).UtcDateTime;
        app.Clock.Now = december14;
        var next = Assert.Single(await DispatchAsync(december14), r => r.BusinessId == owner.BusinessId);
        await SendAsync(owner, next.RunId);
        app.Clock.Now = null;
        Assert.Equal(2, app.Smtp.ReportEmailsTo(owner.Email).Count);
        Assert.Equal(5, app.Smtp.ReportEmailsTo(owner.Email)[1].Attachments.Count());
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.ReportFiles.CountAsync(f => f.Kind == ReportKind.MonthlySummary)));
    }

    /// <summary>30 customers over September to early December: a purchase or two a month, bigger in November.</summary>
    private async Task SeedAsync(OwnerSession owner) => await app.InBusinessAsync(owner.BusinessId, async db =>
    {
        (await db.Businesses.SingleAsync()).CreatedAt = new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc);
        var user = await db.Users.Select(u => u.Id).FirstAsync();
        for (var i = 0; i < 30; i++)
        {
            var days = new List<DateOnly>();
            if (i % 4 == 0) days.Add(new DateOnly(2026, 9, 10 + i % 15));
            if (i % 3 == 0) days.AddRange([new DateOnly(2026, 10, 2 + i % 20), new DateOnly(2026, 10, 25)]);
            if (i % 2 == 0 || i > 20) days.Add(new DateOnly(2026, 11, 1 + i % 28));
            if (i % 5 == 0) days.Add(new DateOnly(2026, 12, 2 + i % 4));
            if (days.Count == 0) days.Add(new DateOnly(2026, 11, 30));
            var times = days.Order().Select(d => ReportScenario.LocalSp(d, 14).UtcDateTime).ToList();
            var customer = new Customer
            {
                Id = Guid.CreateVersion7(), Phone = $"+55119{i:00000000}", Name = $"Cliente {i}", CreatedAt = times[0],
                FirstPurchaseAt = times[0], LastPurchaseAt = times[^1], Visits = times.Count,
            };
            db.Customers.Add(customer);
            foreach (var at in times)
            {
                var amount = 20m + i + (at.Month == 11 ? 15m : 0m);
                customer.LifetimeSpend += amount;
                db.Purchases.Add(new Purchase
                {
                    Id = Guid.CreateVersion7(), CustomerId = customer.Id, BranchId = owner.BranchId, UserId = user, Amount = amount, Points = amount,
                    At = at, IdempotencyKey = Guid.NewGuid(), WasNewCustomer = at == times[0],
                });
            }
        }
        return await db.SaveChangesAsync();
    });

    private Task<(decimal Revenue, int Purchases, int New)> MonthAsync(OwnerSession owner, DateOnly month) => PeriodAsync(owner, month, month.AddMonths(1));

    /// <summary>Revenue, purchases and first purchases between two local days, counted here in SQL of its own.</summary>
    private Task<(decimal Revenue, int Purchases, int New)> PeriodAsync(OwnerSession owner, DateOnly from, DateOnly to) =>
        app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var rows = await db.Database.SqlQuery<PeriodRow>($"""
                SELECT COALESCE(sum(amount), 0) AS revenue, count(*)::int AS purchases, count(*) FILTER (WHERE was_new_customer)::int AS new
                FROM purchases WHERE business_id = {owner.BusinessId} AND reversed_at IS NULL
                  AND (at AT TIME ZONE 'America/Sao_Paulo')::date >= {from} AND (at AT TIME ZONE 'America/Sao_Paulo')::date < {to}
                """).ToListAsync();
            return (rows[0].Revenue, rows[0].Purchases, rows[0].New);
        });

    private sealed record PeriodRow(decimal Revenue, int Purchases, int New);

    private static string Money(decimal v) => v.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("pt-BR"));

    private Task<IReadOnlyList<(Guid BusinessId, Guid RunId)>> DispatchAsync(DateTime utcNow) =>
        app.InScopeAsync<DispatchWeeklyReports, IReadOnlyList<(Guid, Guid)>>(d => d.DispatchAsync(utcNow, CancellationToken.None));

    private Task<ReportRunStatus?> SendAsync(OwnerSession owner, Guid runId) =>
        app.InScopeAsync<SendWeeklyReport, ReportRunStatus?>(s => s.SendAsync(owner.BusinessId, runId, CancellationToken.None));
}
