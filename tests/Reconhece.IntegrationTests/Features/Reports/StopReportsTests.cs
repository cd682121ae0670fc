using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Reports;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>
/// Every report email can be stopped by its own recipient (docs/customer-card.md, "Outgoing mail"): each
/// message carries its reader's link and the RFC 8058 one-click headers; a GET only asks, the POST stops
/// that reader once, is audited, and shows on Relatórios.
/// </summary>
public sealed class StopReportsTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private async Task<OwnerSession> OwnerWithConfirmedExtraAsync(string extra)
    {
        app.Clock.Now = DateTimeOffset.UtcNow;
        var owner = await app.SignUpAsync("Sorveteria Gelato");
        var saved = await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = extra });
        Assert.True(saved.Shows("Configurações dos relatórios salvas."), saved.Text);
        await app.ConfirmExtraRecipientsAsync(owner);
        return owner;
    }

    private async Task<ReportRunStatus?> SendRunAsync(OwnerSession owner)
    {
        var runId = await app.AddRunAsync(owner);
        return await app.InScopeAsync<SendWeeklyReport, ReportRunStatus?>(s => s.SendAsync(owner.BusinessId, runId, CancellationToken.None));
    }

    /// <summary>The one-click link of a message, as a local path, checked against its RFC 8058 headers.</summary>
    private static string StopLink(MimeMessage mail)
    {
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var header = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.Matches("^<https?://[^>]+/relatorios/parar/[^>]+>$", header);
        var url = header.Trim('<', '>');
        Assert.Contains(url, mail.TextBody ?? "", StringComparison.Ordinal);
        return new Uri(url).PathAndQuery;
    }

    private Task<int> AuditCountAsync(OwnerSession owner) =>
        app.InBusinessAsync(owner.BusinessId, db => db.Audit.CountAsync(a => a.Field == "Relatórios por e-mail"));

    [Fact]
    public async Task A_recipients_one_click_POST_stops_only_that_recipient_once_is_audited_and_shows_on_Relatorios()
    {
        var extra = $"gerente.{Guid.NewGuid():N}@gelato.com.br";
        var owner = await OwnerWithConfirmedExtraAsync(extra);
        Assert.Equal(ReportRunStatus.Sent, await SendRunAsync(owner));
        var theirs = StopLink(Assert.Single(app.Smtp.ReportEmailsTo(extra)));
        Assert.NotEqual(theirs, StopLink(Assert.Single(app.Smtp.ReportEmailsTo(owner.Email))));

        // A mail scanner's GET only asks.
        var anonymous = app.NewClient();
        var asked = await anonymous.GetAsync(theirs);
        Assert.True(asked.Shows("Parar de receber os relatórios?"), asked.Text);
        Assert.True(asked.Shows(extra));
        Assert.Equal(0, await AuditCountAsync(owner));

        // The mail program's one-click: a bare POST, no cookie, no form token, twice.
        var mailProgram = app.NewClient();
        var body = new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" };
        var stopped = await mailProgram.PostWithoutTokenAsync(theirs, body);
        Assert.Equal(HttpStatusCode.OK, stopped.Status);
        Assert.True(stopped.Shows("não recebe mais os relatórios semanais de Sorveteria Gelato"), stopped.Text);
        Assert.Equal(HttpStatusCode.OK, (await mailProgram.PostWithoutTokenAsync(theirs, body)).Status);
        Assert.Equal(1, await AuditCountAsync(owner));
        Assert.True((await anonymous.GetAsync(theirs)).Shows("Você já não recebe estes relatórios"));

        // The next email goes to the owner only.
        Assert.Equal(ReportRunStatus.Sent, await SendRunAsync(owner));
        Assert.Single(app.Smtp.ReportEmailsTo(extra));
        Assert.Equal(2, app.Smtp.ReportEmailsTo(owner.Email).Count);

        // The owner sees who stopped, on Relatórios and in the settings' change log.
        var page = await owner.Client.GetAsync("/relatorios");
        Assert.True(page.Shows($"{extra} parou de receber os relatórios pelo link do e-mail em"), page.Text);
        var log = await owner.Client.GetAsync("/relatorios/configuracoes");
        Assert.True(log.Shows($"Relatórios por e-mail: {extra}: recebe → {extra}: parou pelo link do e-mail"), log.Text);
        Assert.True(log.Shows("o destinatário, pelo link do e-mail"), log.Text);

        // "Reenviar convites" leaves it alone; typing it in again does not either; only "Convidar de novo" invites it.
        var invitationsBefore = app.Smtp.To(extra).Count - 1;
        app.Clock.Now = DateTimeOffset.UtcNow.AddDays(2);
        // (the page offers no "Reenviar convites" with nothing pending; a script posts it anyway)
        Assert.False((await owner.Client.GetAsync("/relatorios")).Shows("Reenviar convites"));
        await owner.Client.PostAsync("/relatorios/reenviar-convites");
        await app.RunInvitationJobsAsync(owner);
        Assert.Equal(invitationsBefore, app.Smtp.To(extra).Count - 1);
        var again = await owner.Client.SubmitAsync("/relatorios", new Dictionary<string, string>(), "/relatorios/convidar-de-novo");
        Assert.True(again.Shows("Enviamos de novo o convite a 1 endereço."), again.Text);
        await app.RunInvitationJobsAsync(owner);
        Assert.Equal(invitationsBefore + 1, app.Smtp.To(extra).Count - 1);
        Assert.Equal(2, await AuditCountAsync(owner));
    }

    [Fact]
    public async Task An_owner_who_stopped_sees_why_nothing_went_and_takes_the_email_back()
    {
        var owner = await OwnerWithConfirmedExtraAsync("");
        Assert.Equal(ReportRunStatus.Sent, await SendRunAsync(owner));
        var link = StopLink(Assert.Single(app.Smtp.ReportEmailsTo(owner.Email)));
        var stopped = await app.NewClient().PostWithoutTokenAsync(link, new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        Assert.True(stopped.Shows("Voltar a receber"), stopped.Text);

        Assert.Equal(ReportRunStatus.Failed, await SendRunAsync(owner));
        Assert.Single(app.Smtp.ReportEmailsTo(owner.Email));
        var page = await owner.Client.GetAsync("/relatorios");
        Assert.True(page.Shows("Todos os destinatários pararam de receber os relatórios pelo link do e-mail."), page.Text);

        var back = await owner.Client.SubmitAsync("/relatorios", new Dictionary<string, string>(), "/relatorios/voltar-a-receber");
        Assert.True(back.Shows("Pronto: os relatórios voltam a chegar ao seu e-mail."), back.Text);
        Assert.Equal(ReportRunStatus.Sent, await SendRunAsync(owner));
        Assert.Equal(2, app.Smtp.ReportEmailsTo(owner.Email).Count);
        Assert.Equal(2, await AuditCountAsync(owner));
    }

    [Fact]
    public async Task A_changed_or_made_up_link_answers_404_and_stops_nothing()
    {
        var owner = await OwnerWithConfirmedExtraAsync("");
        Assert.Equal(ReportRunStatus.Sent, await SendRunAsync(owner));
        var link = StopLink(Assert.Single(app.Smtp.ReportEmailsTo(owner.Email)));
        var client = app.NewClient();
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostWithoutTokenAsync(tampered, new Dictionary<string, string>())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/relatorios/parar/nada")).Status);
        Assert.Equal(0, await AuditCountAsync(owner));
        Assert.Equal(ReportRunStatus.Sent, await SendRunAsync(owner));
    }

    [Fact]
    public async Task Removing_and_typing_an_address_again_does_not_reset_its_24_hours()
    {
        var owner = await OwnerWithConfirmedExtraAsync("");
        var address = $"vitima.{Guid.NewGuid():N}@exemplo.com.br";
        foreach (var list in new[] { address, "", address, "", address })
        {
            var saved = await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = list });
            Assert.True(saved.Shows("Configurações dos relatórios salvas."), saved.Text);
            await app.RunInvitationJobsAsync(owner);
        }
        Assert.Single(app.Smtp.To(address));
        // While removed, the address is listed nowhere and its old link confirms nothing.
        await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = "" });
        var link = ReportScenario.LinkIn(app.Smtp, address, "/relatorios/confirmar/");
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(link)).Status);
        Assert.False((await owner.Client.GetAsync("/relatorios")).Shows(address));
    }
}
