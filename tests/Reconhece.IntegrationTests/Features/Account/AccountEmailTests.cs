using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Features.Account;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Account;

/// <summary>
/// "Esqueci minha senha" and verified addresses, through the real emails: the jobs run here, MailKit
/// delivers to an in-process SMTP server, and the test opens the link the email carries.
/// </summary>
public sealed class AccountEmailTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task A_forgotten_password_is_replaced_through_a_single_use_emailed_link_and_old_sessions_end()
    {
        var owner = await app.SignUpAsync("Adega Esquecida");
        var anonymous = app.NewClient();

        var asked = await anonymous.SubmitAsync("/esqueci-senha", new Dictionary<string, string> { ["Email"] = owner.Email.ToUpperInvariant() });
        var unknown = await anonymous.SubmitAsync("/esqueci-senha", new Dictionary<string, string> { ["Email"] = Scenario.UniqueEmail("ninguem") });
        Assert.True(asked.Shows("Se houver uma conta com este e-mail, enviamos um link"), asked.Text);
        Assert.Equal(asked.Doc.QuerySelector("main")?.TextContent ?? asked.Text, unknown.Doc.QuerySelector("main")?.TextContent ?? unknown.Text);

        await RunJobsAsync(owner, (e, b, u) => e.PasswordResetAsync(b, u));
        var link = ReportScenario.LinkIn(app.Smtp, owner.Email, "/redefinir-senha");
        var weak = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "12345678" });
        Assert.Equal("Esta senha é muito comum e fácil de adivinhar. Escolha outra.", weak.FieldError("Password"));
        var reset = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "uma adega cheia de vinho" });

        Assert.True(reset.Shows("Senha alterada. Entre com a nova senha."), reset.FormError + reset.Text);
        Assert.Equal("/entrar", (await owner.Client.GetAsync("/painel")).Url.AbsolutePath); // the session open before ended
        var again = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "outra frase qualquer" });
        Assert.Contains("Link inválido ou expirado", again.FormError, StringComparison.Ordinal);
        var (_, signedIn) = await app.SignInAsync(owner.Email, "uma adega cheia de vinho");
        Assert.True(signedIn.Shows("Adega Esquecida"), signedIn.Text);
        Assert.True(await app.AsAdminAsync(db => db.Audit.AnyAsync(a => a.SubjectId != null && a.NewValue == "alterada por \"Esqueci minha senha\"")));
    }

    [Fact]
    public async Task Reports_go_only_to_confirmed_addresses_and_the_page_says_who_is_waiting()
    {
        var owner = await app.SignUpAsync("Loja Sem Confirmar", confirmEmail: false);
        await owner.Client.RegisterPurchaseAsync("11987650001", "50");
        await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = "contador@loja.com.br" });

        var page = await owner.Client.GetAsync("/relatorios");
        var refused = await owner.Client.PressAsync("/relatorios/enviar");
        Assert.True(page.Shows($"Aguardando confirmação"), page.Text);
        Assert.True(page.Shows(owner.Email) && page.Shows("contador@loja.com.br"), page.Text);
        Assert.True(refused.Shows("Nenhum destinatário confirmado"), refused.Text);
        // Waiting for the owner is not our failure: amber, and never "Falhou" (issue 22).
        Assert.Contains("Aguardando a confirmação do seu e-mail.", refused.Doc.QuerySelector("[data-testid=run-status].warning")?.TextContent ?? refused.Text, StringComparison.Ordinal);
        Assert.False(refused.Shows("Falhou"), refused.Text);
        Assert.Empty(app.Smtp.ReportEmailsTo(owner.Email));

        // The owner opens the confirmation link; the extra address opens its invitation.
        await RunJobsAsync(owner, (e, b, u) => e.ConfirmAddressAsync(b, u));
        var link = ReportScenario.LinkIn(app.Smtp, owner.Email, "/confirmar-email");
        var asked = await app.NewClient().GetAsync(link);
        Assert.True(asked.Shows("Confirmar meu e-mail"), asked.Text);
        Assert.False(await app.AsAdminAsync(db => db.Users.Where(x => x.Email == owner.Email).Select(x => x.EmailConfirmed).SingleAsync())); // a GET confirms nothing
        var confirmed = await app.NewClient().SubmitAsync(link, new Dictionary<string, string>());
        Assert.True(confirmed.Shows("E-mail confirmado."), confirmed.Text);
        var forged = await app.NewClient().GetAsync($"/relatorios/confirmar/{owner.BusinessId:N}{new string('0', 48)}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, forged.Status);
        await app.ConfirmExtraRecipientsAsync(owner);
        var sent = await owner.Client.PressAsync("/relatorios/enviar");

        Assert.True(sent.Shows("Relatórios enviados para"), sent.Text);
        var mail = Assert.Single(app.Smtp.ReportEmailsTo(owner.Email));
        Assert.Equal([owner.Email], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Single(app.Smtp.ReportEmailsTo("contador@loja.com.br"));
        Assert.False((await owner.Client.GetAsync("/relatorios")).Shows("Aguardando confirmação"));
    }

    [Fact]
    public async Task A_new_email_must_be_confirmed_again()
    {
        var owner = await app.SignUpAsync("Loja Que Muda");
        var me = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());

        await owner.Client.SubmitAsync($"/equipe/{me}/editar", new Dictionary<string, string> { ["Email"] = Scenario.UniqueEmail("novo") });

        Assert.False(await app.AsAdminAsync(db => db.Users.Where(u => u.Id == me).Select(u => u.EmailConfirmed).SingleAsync()));
        Assert.True((await owner.Client.GetAsync("/relatorios")).Shows("Aguardando confirmação"));
    }

    private Task<int> RunJobsAsync(OwnerSession owner, Func<AccountEmails, Guid, Guid, Task> job) =>
        app.InScopeAsync<AccountEmails, int>(async e =>
        {
            var userId = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());
            await job(e, owner.BusinessId, userId);
            return 0;
        });
}
