using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>
/// Reconhece cannot be turned into a relay for mail to strangers (docs/customer-card.md, "Outgoing mail"):
/// nothing to a third party before the owner's own address is confirmed, one invitation per address per
/// 24 hours whatever is pressed, no tenant text in the subject, links that confirm nothing on GET and die
/// after 7 days.
/// </summary>
public sealed class OutgoingMailTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private async Task<OwnerSession> OwnerWithExtraAsync(string extra, bool ownerConfirmed)
    {
        app.Clock.Now = DateTimeOffset.UtcNow;
        var owner = await app.SignUpAsync("Adega \"Oficial\" do Banco", confirmEmail: ownerConfirmed);
        var saved = await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = extra });
        Assert.True(saved.Shows("Configurações dos relatórios salvas."), saved.Text);
        return owner;
    }


    [Fact]
    public async Task An_unconfirmed_owner_makes_Reconhece_send_nothing_to_third_parties()
    {
        var owner = await OwnerWithExtraAsync("alvo@vitima.com.br", ownerConfirmed: false);

        await app.RunInvitationJobsAsync(owner);
        var pressed = await owner.Client.PressAsync("/relatorios/reenviar-convites");
        await app.RunInvitationJobsAsync(owner);

        Assert.Empty(app.Smtp.To("alvo@vitima.com.br"));
        Assert.True(pressed.Shows("Confirme primeiro o seu próprio e-mail: só depois enviamos convites a outros endereços."), pressed.Text);
        Assert.True((await owner.Client.GetAsync("/relatorios")).Shows("Os convites aos outros endereços só saem depois que você confirmar o seu próprio e-mail."));
    }

    [Fact]
    public async Task Fifty_presses_of_Reenviar_send_one_invitation_per_address_and_say_when_the_next_can_go()
    {
        var owner = await OwnerWithExtraAsync("socio@adega.com.br", ownerConfirmed: true);
        await app.RunInvitationJobsAsync(owner);

        Page? last = null;
        for (var i = 0; i < 50; i++)
        {
            last = await owner.Client.PressAsync("/relatorios/reenviar-convites");
            await app.RunInvitationJobsAsync(owner);
        }

        var mail = Assert.Single(app.Smtp.To("socio@adega.com.br"));
        Assert.True(last!.Shows("Cada endereço recebe no máximo um convite a cada 24 horas. O próximo poderá ir a partir de"), last.Text);
        // The subject carries no text of the business; the body names it only as the sender's claim.
        Assert.Equal("Reconhece: confirme se você quer receber relatórios semanais", mail.Subject);
        Assert.Contains("que se identifica como \"Adega \"Oficial\" do Banco\"", mail.TextBody, StringComparison.Ordinal);
        // A day later one more may go.
        app.Clock.Now = DateTimeOffset.UtcNow.AddHours(25);
        await app.RunInvitationJobsAsync(owner);
        Assert.Equal(2, app.Smtp.To("socio@adega.com.br").Count);
    }

    [Fact]
    public async Task A_business_cycling_through_new_addresses_stops_at_its_daily_budget()
    {
        var owner = await OwnerWithExtraAsync("a0@relay.test", ownerConfirmed: true);
        await app.RunInvitationJobsAsync(owner);
        // Five addresses at a time (the most the form takes), replaced by five new ones on every save.
        for (var round = 1; round <= 5; round++)
        {
            var addresses = string.Join(", ", Enumerable.Range(0, 5).Select(i => $"r{round}x{i}@relay.test"));
            await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = addresses });
            await app.RunInvitationJobsAsync(owner);
        }
        var pressed = await owner.Client.PressAsync("/relatorios/reenviar-convites");

        var sent = app.Smtp.All.Count(m => m.To.Mailboxes.Any(x => x.Address.EndsWith("@relay.test", StringComparison.Ordinal)));
        Assert.Equal(20, sent);   // Reports:InvitationsPerBusinessPerDay
        Assert.True(pressed.Shows("O limite diário de convites deste negócio foi atingido."), pressed.Text);
        Assert.Equal(20, await app.InBusinessAsync(owner.BusinessId, db => db.MailBudgetDays.Select(d => d.Sent).SingleAsync()));
    }

    [Fact]
    public async Task The_owners_own_confirmation_goes_once_a_day_however_often_it_is_asked_for()
    {
        app.Clock.Now = DateTimeOffset.UtcNow;
        var owner = await app.SignUpAsync("Adega Insistente", confirmEmail: false);
        var me = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());
        Task RunAsync() => app.InScopeAsync<Reconhece.Web.Features.Account.AccountEmails, int>(async e => { await e.ConfirmAddressAsync(owner.BusinessId, me); return 0; });

        await RunAsync();   // the sign-up's own job
        Page? last = null;
        for (var i = 0; i < 10; i++)
        {
            last = await owner.Client.PressAsync("/relatorios/confirmar-meu-email");
            await RunAsync();
        }

        Assert.Single(app.Smtp.To(owner.Email));
        Assert.True(last!.Shows("Já enviamos um link nas últimas 24 horas"), last.Text);
        app.Clock.Now = DateTimeOffset.UtcNow.AddHours(25);
        await RunAsync();
        Assert.Equal(2, app.Smtp.To(owner.Email).Count);
    }

    [Fact]
    public async Task Opening_the_invitation_by_GET_confirms_nothing_and_after_7_days_it_is_dead()
    {
        var owner = await OwnerWithExtraAsync("contador@adega.com.br, gerente@adega.com.br", ownerConfirmed: true);
        await app.RunInvitationJobsAsync(owner);
        var contador = ReportScenario.LinkIn(app.Smtp, "contador@adega.com.br", "/relatorios/confirmar/");
        var gerente = ReportScenario.LinkIn(app.Smtp, "gerente@adega.com.br", "/relatorios/confirmar/");
        Task<bool> ConfirmedAsync(string email) =>
            app.AsAdminAsync(db => db.ReportRecipients.AnyAsync(r => r.Email == email && r.ConfirmedAt != null));

        // A mail scanner follows the link: nothing changes.
        var scanned = await app.NewClient().GetAsync(contador);
        Assert.True(scanned.Shows("que se identifica como \"Adega \"Oficial\" do Banco\""), scanned.Text);
        Assert.False(await ConfirmedAsync("contador@adega.com.br"));
        // The person presses the button: confirmed.
        Assert.True((await app.NewClient().SubmitAsync(contador, new Dictionary<string, string>())).Shows("Pronto! Você passa a receber"));
        Assert.True(await ConfirmedAsync("contador@adega.com.br"));

        // Eight days later the other invitation no longer works, by GET or by POST.
        app.Clock.Now = DateTimeOffset.UtcNow.AddDays(8);
        var client = app.NewClient();
        var late = await client.GetAsync(gerente);
        Assert.True(late.Shows("Este convite venceu."), late.Text);
        var forced = await client.PostAsync(gerente, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, forced.Status);
        Assert.False(await ConfirmedAsync("gerente@adega.com.br"));
    }
}
