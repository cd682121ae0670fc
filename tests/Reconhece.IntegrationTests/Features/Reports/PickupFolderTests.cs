using Microsoft.EntityFrameworkCore;
using MimeKit;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Features.Reports;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>The default run (no SMTP server: .eml files) and the retention of stored PDFs.</summary>
public sealed class PickupFolderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Without_an_smtp_server_the_email_is_written_as_an_eml_file_with_every_pdf()
    {
        var owner = await app.SignUpAsync("Quiosque Sem SMTP");
        await owner.Client.RegisterPurchaseAsync("11966665555", "12,50", name: "Lúcia");

        var page = await owner.Client.PressAsync("/relatorios/enviar");

        Assert.True(page.Shows($"Relatórios enviados para {owner.Email}."), page.Text);
        var file = Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal(owner.Email, mail.To.Mailboxes.Single().Address);
        Assert.EndsWith("— Quiosque Sem SMTP", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(await app.ExpectedFilesAsync(owner), mail.Attachments.Count());
    }

    [Fact]
    public async Task PDFs_older_than_the_retention_are_deleted_but_the_run_and_its_numbers_stay()
    {
        var owner = await app.SignUpAsync("Loja Antiga");
        await owner.Client.RegisterPurchaseAsync("11966664444", "30,00", name: "Olga");
        await owner.Client.PressAsync("/relatorios/gerar");
        var recent = await owner.Client.PressAsync("/relatorios/gerar");
        var oldRun = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var run = await db.ReportRuns.OrderBy(r => r.CreatedAt).FirstAsync();
            run.CreatedAt = DateTime.UtcNow.AddDays(-181);
            await db.SaveChangesAsync();
            return run.Id;
        });

        using var scope = app.Services.CreateScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<PurgeOldReportFiles>().PurgeAsync(DateTime.UtcNow, CancellationToken.None);

        Assert.True(deleted >= 4);
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.ReportFiles.CountAsync(f => f.RunId == oldRun)));
        Assert.Equal(5, await app.InBusinessAsync(owner.BusinessId, db => db.ReportFiles.CountAsync()));
        var page = await owner.Client.GetAsync("/relatorios");
        Assert.True(page.Shows("os PDFs foram apagados depois de 180 dias."), page.Text);
        Assert.Equal(5, page.PdfLinks(recent.FirstRunId()).Count);
    }
}
