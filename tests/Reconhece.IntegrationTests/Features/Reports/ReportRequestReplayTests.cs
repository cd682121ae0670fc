using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>The two defects found by trying the app as a new user (issue 8), kept from coming back.</summary>
public sealed class ReportRequestReplayTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task Enviar_agora_replayed_after_the_first_send_finished_sends_nothing_again()
    {
        var owner = await app.SignUpAsync("Adega Reenviada");
        await owner.Client.RegisterPurchaseAsync("11987650001", "80");
        var form = await owner.Client.GetAsync("/relatorios");
        var key = form.Doc.QuerySelector("form[action='/relatorios/enviar'] input[name=RequestKey]")!.GetAttribute("value")!;

        var first = await owner.Client.PostAsync("/relatorios/enviar", new Dictionary<string, string> { ["RequestKey"] = key });
        var replay = await owner.Client.PostAsync("/relatorios/enviar", new Dictionary<string, string> { ["RequestKey"] = key });
        var generated = await owner.Client.PostAsync("/relatorios/gerar", new Dictionary<string, string> { ["RequestKey"] = Guid.Empty.ToString() });

        Assert.True(first.Shows("Relatórios enviados para"), first.Text);
        Assert.True(replay.Shows("Este pedido já tinha sido feito; nada foi enviado de novo."), replay.Text);
        Assert.Single(app.Smtp.ReportEmailsTo(owner.Email));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.ReportRuns.CountAsync()));
        Assert.True(generated.Shows("O formulário expirou. Recarregue a página e tente de novo."), generated.Text);
    }

    [Fact]
    public async Task Five_long_extra_recipients_are_saved_and_logged_without_a_500()
    {
        var owner = await app.SignUpAsync("Loja Muitos Emails");
        var addresses = Enumerable.Range(1, 5).Select(i => $"{new string((char)('a' + i), 90)}{i}@exemplo.com.br").ToList();

        var page = await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = string.Join(", ", addresses) });

        Assert.True(page.Shows("Configurações dos relatórios salvas."), page.Text);
        Assert.True(string.Join(", ", addresses).Length > 500);
        var saved = await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.Reports.ExtraRecipients).SingleAsync());
        Assert.Equal(string.Join(", ", addresses), saved);
        Assert.True((await owner.Client.GetAsync("/relatorios/configuracoes")).Shows(addresses[4]));
    }
}
