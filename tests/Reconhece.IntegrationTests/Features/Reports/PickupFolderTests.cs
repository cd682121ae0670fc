using MimeKit;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>The default run has no SMTP server: the weekly email is written as an .eml file a mail program opens.</summary>
public sealed class PickupFolderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Without_an_smtp_server_the_email_is_written_as_an_eml_file_with_the_four_pdfs()
    {
        var owner = await app.SignUpAsync("Quiosque Sem SMTP");
        await owner.Client.RegisterPurchaseAsync("11966665555", "12,50", name: "Lúcia");

        var page = await owner.Client.PressAsync("/relatorios/enviar");

        Assert.True(page.Shows($"Relatórios enviados para {owner.Email}."), page.Text);
        var file = Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal(owner.Email, mail.To.Mailboxes.Single().Address);
        Assert.EndsWith("— Quiosque Sem SMTP", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(4, mail.Attachments.Count());
    }
}
