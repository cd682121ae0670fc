using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Features.Account;
using Xunit;

namespace Reconhece.IntegrationTests.Browser;

/// <summary>"Esqueci minha senha" on a 390 px phone in Chromium, from the sign-in page to signing in again.</summary>
public sealed partial class PhoneAccountFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task An_owner_who_forgot_the_password_gets_a_link_sets_a_new_one_and_signs_in_remembered()
    {
        var owner = await app.SignUpAsync("Sorveteria Esquecida");
        var page = await app.NewPhoneAsync();

        await page.GotoAsync("/entrar");
        await Assertions.Expect(page.GetByLabel("Lembrar neste aparelho")).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Esqueci minha senha" }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(owner.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar o link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Se houver uma conta com este e-mail, enviamos um link")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("account-1-forgot-password.png"), FullPage = true });

        // The email job (Hangfire runs it in production) writes the message to the pickup folder here.
        var userId = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AccountEmails>().PasswordResetAsync(owner.BusinessId, userId);
        var mail = Directory.GetFiles(app.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(x => x.Address == owner.Email) && m.Subject?.Contains("nova senha", StringComparison.Ordinal) == true);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value).PathAndQuery;

        await page.GotoAsync(link);
        await page.GetByLabel("Nova senha").FillAsync("12345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar a nova senha" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Esta senha é muito comum e fácil de adivinhar. Escolha outra.")).ToBeVisibleAsync();
        await BrowserAppFactory.AssertFitsThePhoneAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ArtifactPath("account-2-new-password-refused.png"), FullPage = true });
        await page.GetByLabel("Nova senha").FillAsync("casquinha de chocolate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvar a nova senha" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Senha alterada. Entre com a nova senha.")).ToBeVisibleAsync();

        await page.GetByLabel("E-mail").FillAsync(owner.Email);
        await page.GetByLabel("Senha", new() { Exact = true }).FillAsync("casquinha de chocolate");
        await page.GetByLabel("Lembrar neste aparelho").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Sorveteria Esquecida").First).ToBeVisibleAsync();
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "reconhece.auth");
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires) - DateTimeOffset.UtcNow, TimeSpan.FromDays(29), TimeSpan.FromDays(30.1));
    }


    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
