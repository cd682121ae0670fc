using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Reports;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>
/// The weekly email through a real SMTP server (in process): recipients, subject, body numbers and the
/// PDFs; exactly once per business and week, through retries, outages, double taps and two app instances.
/// Tests of this class share one SMTP server and clock and run one after another.
/// </summary>
public sealed class WeeklyEmailTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    /// <summary>The next Monday 07:05 in São Paulo: the default send moment has just passed.</summary>
    private static DateTime NextMondayMorning()
    {
        var thisWeek = ReportSchedule.LastCompleteWeek(DateTime.UtcNow, ReportScenario.SaoPaulo).AddDays(7);
        return ReportScenario.LocalSp(thisWeek.AddDays(7), 7, 5).UtcDateTime;
    }

    private async Task<OwnerSession> BusinessWithCustomersAsync(string name)
    {
        app.Clock.Now = null;
        app.Smtp.Failing = false;
        var owner = await app.SignUpAsync(name);
        await owner.Client.RegisterPurchaseAsync("11987650001", "620,00", name: "Márcia Gonçalves");
        await owner.Client.RegisterPurchaseAsync("11987650002", "45,90", name: "Otávio");
        return owner;
    }

    private Task<IReadOnlyList<(Guid BusinessId, Guid RunId)>> DispatchAsync(DateTime utcNow) =>
        app.InScopeAsync<DispatchWeeklyReports, IReadOnlyList<(Guid, Guid)>>(d => d.DispatchAsync(utcNow, CancellationToken.None));

    private Task<ReportRunStatus?> SendAsync(Guid businessId, Guid runId) =>
        app.InScopeAsync<SendWeeklyReport, ReportRunStatus?>(s => s.SendAsync(businessId, runId, CancellationToken.None));

    private Task<ReportRun> RunAsync(OwnerSession owner, Guid runId) =>
        app.InBusinessAsync(owner.BusinessId, db => db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    [Fact]
    public async Task The_weekly_email_reaches_the_owner_and_extra_recipients_with_the_numbers_and_every_pdf()
    {
        var owner = await BusinessWithCustomersAsync("Adega Bom Gosto");
        var settings = await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string>
        {
            ["ExtraRecipients"] = "gerente@adega.com.br, socia@adega.com.br",
        });
        Assert.True(settings.Shows("Configurações dos relatórios salvas."), settings.Text);
        await app.ConfirmExtraRecipientsAsync(owner);
        // Who added an address that will receive customers' data is on record.
        var log = await owner.Client.GetAsync("/relatorios/configuracoes");
        Assert.True(log.Shows("Outros destinatários:  → gerente@adega.com.br, socia@adega.com.br"), log.Text);
        Assert.True(log.Shows("Marina Dona"));

        var mine = (await DispatchAsync(NextMondayMorning())).Where(r => r.BusinessId == owner.BusinessId).ToList();
        Assert.Single(mine);
        Assert.Equal(ReportRunStatus.Sent, await SendAsync(owner.BusinessId, mine[0].RunId));

        // One message per recipient (each carries its own "parar" link), addressed to that recipient alone,
        // each with the run's Message-ID made its own.
        var mail = Assert.Single(app.Smtp.To(owner.Email));
        var copies = new[] { mail, Assert.Single(app.Smtp.ReportEmailsTo("gerente@adega.com.br")), Assert.Single(app.Smtp.ReportEmailsTo("socia@adega.com.br")) };
        Assert.Equal([owner.Email, "gerente@adega.com.br", "socia@adega.com.br"], copies.Select(m => Assert.Single(m.To.Mailboxes).Address));
        Assert.Equal(3, copies.Select(m => m.MessageId).Distinct().Count());
        Assert.All(copies, m => Assert.StartsWith($"relatorio-{mine[0].RunId:N}.", m.MessageId, StringComparison.Ordinal));
        Assert.Equal($"{owner.Email}, gerente@adega.com.br, socia@adega.com.br", (await RunAsync(owner, mine[0].RunId)).SentTo);
        Assert.StartsWith("Relatórios da semana ", mail.Subject, StringComparison.Ordinal);
        Assert.EndsWith("— Adega Bom Gosto", mail.Subject, StringComparison.Ordinal);
        var body = Page.Normalize(mail.TextBody);
        Assert.Contains("Novos clientes na semana: 2", body, StringComparison.Ordinal);
        Assert.Contains("Clientes com a meta atingida: 1", body, StringComparison.Ordinal);
        Assert.Contains("Clientes sem comprar há mais de 30 dias: 0", body, StringComparison.Ordinal);
        Assert.Contains("Melhor cliente: Márcia Gonçalves · (11) 98765-0001 · 620 pontos", body, StringComparison.Ordinal);
        // The HTML version for phone mail apps says the same, escaped.
        Assert.Contains("Melhor cliente</td><td style=\"padding:6px 0;border-bottom:1px solid #e2e8f0;text-align:right;font-weight:bold\">Márcia Gonçalves · (11) 98765-0001 · 620 pontos",
            WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
        var pdfs = mail.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(await app.ExpectedFilesAsync(owner), pdfs.Count);
        Assert.All(pdfs, p => Assert.Equal("application/pdf", p.ContentType!.MimeType));
        Assert.Contains(pdfs, p => (p.FileName ?? "").StartsWith("curva-abc-", StringComparison.Ordinal));
        using var abc = new MemoryStream();
        await pdfs.First(p => (p.FileName ?? "").StartsWith("curva-abc-", StringComparison.Ordinal)).Content!.DecodeToAsync(abc);
        Assert.StartsWith("1º Márcia Gonçalves (11) 98765-0001 Pontos: 620", ReportScenario.PdfRecords(abc.ToArray(), ReportScenario.CustomerHeading)[0], StringComparison.Ordinal);
        // "Sua semana" is attached first.
        Assert.StartsWith("sua-semana-", pdfs[0].FileName, StringComparison.Ordinal);

        var page = await owner.Client.GetAsync("/relatorios");
        Assert.True(page.Shows($"para {owner.Email}, gerente@adega.com.br, socia@adega.com.br"), page.Text);
    }

    [Fact]
    public async Task The_dispatcher_makes_one_run_per_week_and_running_the_job_twice_sends_one_email()
    {
        var owner = await BusinessWithCustomersAsync("Sorveteria Uma Vez");
        var monday = NextMondayMorning();

        var first = (await DispatchAsync(monday)).Where(r => r.BusinessId == owner.BusinessId).ToList();
        var again = (await DispatchAsync(monday.AddMinutes(1))).Where(r => r.BusinessId == owner.BusinessId).ToList();
        var statuses = await Task.WhenAll(SendAsync(owner.BusinessId, first[0].RunId), SendAsync(owner.BusinessId, first[0].RunId));
        var third = await SendAsync(owner.BusinessId, first[0].RunId);

        Assert.Single(first);
        Assert.Empty(again);
        Assert.Contains(ReportRunStatus.Sent, statuses); // the job that lost the lease sends nothing
        Assert.Equal(ReportRunStatus.Sent, third);
        Assert.Single(app.Smtp.To(owner.Email));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.ReportRuns.CountAsync()));
        Assert.Equal(await app.ExpectedFilesAsync(owner), await app.InBusinessAsync(owner.BusinessId, db => db.ReportFiles.CountAsync()));
    }

    [Fact]
    public async Task An_smtp_outage_shows_the_next_attempt_and_the_retry_sends_once_when_the_server_recovers()
    {
        var owner = await BusinessWithCustomersAsync("Salão Fora do Ar");
        var monday = NextMondayMorning();
        var run = (await DispatchAsync(monday)).Single(r => r.BusinessId == owner.BusinessId);

        app.Smtp.Failing = true;
        app.Clock.Now = monday;
        Assert.Equal(ReportRunStatus.Failed, await SendAsync(owner.BusinessId, run.RunId));
        var failed = await RunAsync(owner, run.RunId);
        Assert.Equal(monday.AddMinutes(5), failed.NextAttemptAt);
        Assert.Equal("O servidor de e-mail recusou a mensagem (código 421).", failed.LastError);
        // Next Monday can be more than a week after sign-up (run on a Monday before 07:05 in São Paulo), past
        // an owner's idle limit: the owner signs in again on that Monday, as a real one would.
        var client = (await app.SignInAsync(owner.Email, owner.Password)).Client;
        var page = await client.GetAsync("/relatorios");
        Assert.True(page.Shows("Falhou, nova tentativa às 07:10"), page.Text);

        // Before the next attempt nothing is enqueued; after it, the run is, and the recovered server gets one email.
        Assert.DoesNotContain(await DispatchAsync(monday.AddMinutes(3)), r => r.RunId == run.RunId);
        app.Smtp.Failing = false;
        app.Clock.Now = monday.AddMinutes(6);
        Assert.Contains(await DispatchAsync(monday.AddMinutes(6)), r => r.RunId == run.RunId);
        Assert.DoesNotContain(await DispatchAsync(monday.AddMinutes(7)), r => r.RunId == run.RunId); // leased
        Assert.Equal(ReportRunStatus.Sent, await SendAsync(owner.BusinessId, run.RunId));
        Assert.Equal(ReportRunStatus.Sent, await SendAsync(owner.BusinessId, run.RunId));

        Assert.Single(app.Smtp.To(owner.Email));
        var sent = await RunAsync(owner, run.RunId);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.NextAttemptAt);
        Assert.True((await client.GetAsync("/relatorios")).Shows("Enviado em"));
    }

    [Fact]
    public async Task A_run_whose_job_was_lost_in_a_crash_is_picked_up_after_its_lease_and_sent_once()
    {
        var owner = await BusinessWithCustomersAsync("Posto Reiniciado");
        var monday = NextMondayMorning();
        var run = (await DispatchAsync(monday)).Single(r => r.BusinessId == owner.BusinessId);
        // The job never ran (the instance died): within the lease nothing happens, after it the run is enqueued again.
        Assert.DoesNotContain(await DispatchAsync(monday.AddMinutes(20)), r => r.RunId == run.RunId);
        Assert.Contains(await DispatchAsync(monday + new ReportOptions().Lease + TimeSpan.FromMinutes(1)), r => r.RunId == run.RunId);

        Assert.Equal(ReportRunStatus.Sent, await SendAsync(owner.BusinessId, run.RunId));
        Assert.Single(app.Smtp.To(owner.Email));
    }

    [Fact]
    public async Task Two_app_instances_dispatching_and_sending_together_send_one_email()
    {
        var owner = await BusinessWithCustomersAsync("Vinhos Dois Servidores");
        using var second = app.WithWebHostBuilder(_ => { });
        var monday = NextMondayMorning();

        async Task<List<(Guid BusinessId, Guid RunId)>> DispatchOn(IServiceProvider services)
        {
            using var scope = services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<DispatchWeeklyReports>().DispatchAsync(monday, CancellationToken.None)).ToList();
        }
        async Task<ReportRunStatus?> SendOn(IServiceProvider services, Guid runId)
        {
            using var scope = services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<SendWeeklyReport>().SendAsync(owner.BusinessId, runId, CancellationToken.None);
        }

        var dispatched = await Task.WhenAll(DispatchOn(app.Services), DispatchOn(second.Services));
        var runs = dispatched.SelectMany(d => d).Where(r => r.BusinessId == owner.BusinessId).Select(r => r.RunId).ToList();
        Assert.Single(runs);
        var sent = await Task.WhenAll(SendOn(app.Services, runs[0]), SendOn(second.Services, runs[0]));

        // The job that lost the lease exits without sending (it may see the run still pending).
        Assert.Contains(ReportRunStatus.Sent, sent);
        Assert.Equal(ReportRunStatus.Sent, await SendOn(second.Services, runs[0]));
        Assert.Single(app.Smtp.To(owner.Email));
    }

    [Fact]
    public async Task A_deactivated_business_gets_no_report()
    {
        var owner = await BusinessWithCustomersAsync("Loja Fechada");
        var monday = NextMondayMorning();
        var run = (await DispatchAsync(monday)).Single(r => r.BusinessId == owner.BusinessId);
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            (await db.Businesses.SingleAsync()).IsActive = false;
            return await db.SaveChangesAsync();
        });

        Assert.Null(await SendAsync(owner.BusinessId, run.RunId));
        Assert.DoesNotContain(await DispatchAsync(monday.AddDays(7)), r => r.BusinessId == owner.BusinessId);
        Assert.Empty(app.Smtp.To(owner.Email));
    }

    [Fact]
    public async Task Enviar_agora_is_the_week_send_when_none_went_out_and_a_double_tap_sends_once()
    {
        var owner = await BusinessWithCustomersAsync("Barbearia Agora");
        var form = await owner.Client.GetAsync("/relatorios");
        var key = form.Doc.QuerySelector("form[action='/relatorios/enviar'] input[name=RequestKey]")!.GetAttribute("value")!;

        var taps = await Task.WhenAll(
            owner.Client.PostAsync("/relatorios/enviar", new Dictionary<string, string> { ["RequestKey"] = key }),
            owner.Client.PostAsync("/relatorios/enviar", new Dictionary<string, string> { ["RequestKey"] = key }));
        Assert.All(taps, t => Assert.Equal(System.Net.HttpStatusCode.OK, t.Status));
        Assert.Contains(taps, t => t.Shows($"Relatórios enviados para {owner.Email}."));
        Assert.Single(app.Smtp.To(owner.Email));

        // It was this week's weekly send: the schedule does not send that week again.
        var lastWeek = ReportSchedule.LastCompleteWeek(DateTime.UtcNow, ReportScenario.SaoPaulo);
        var weekly = await app.InBusinessAsync(owner.BusinessId, db => db.ReportRuns.Where(r => r.IsWeekly).Select(r => r.WeekStart).ToListAsync());
        Assert.Equal([lastWeek], weekly);

        // A later tap (a new form) sends an extra copy, listed as such.
        var extra = await owner.Client.PressAsync("/relatorios/enviar");
        Assert.True(extra.Shows("Relatórios enviados"), extra.Text);
        Assert.Equal(2, app.Smtp.To(owner.Email).Count);
        Assert.True(extra.Shows("Envio extra"));
    }

    [Fact]
    public async Task Bad_recipient_addresses_are_refused_with_a_pt_BR_message_and_change_nothing()
    {
        var owner = await BusinessWithCustomersAsync("Pet Shop Cuidadoso");
        await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = "ok@petshop.com.br" });

        var page = await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string>
        {
            ["ExtraRecipients"] = "gerente@petshop.com.br, isso não é email, <script>@x", ["Hour"] = "9",
        });
        var thresholds = await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string>
        {
            ["ClassAPercent"] = "90", ["ClassBPercent"] = "85",
        });
        var hour = await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["Hour"] = "25" });

        Assert.Contains("\"isso\" não é um e-mail válido.", page.FieldError("ExtraRecipients"), StringComparison.Ordinal);
        Assert.Equal("A classe B precisa terminar depois da classe A e antes de 100%.", thresholds.FieldError("ClassBPercent"));
        Assert.Equal("Escolha uma hora entre 0 e 23.", hour.FieldError("Hour"));
        var saved = await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.AsNoTracking().Select(b => b.Reports).SingleAsync());
        Assert.Equal("ok@petshop.com.br", saved.ExtraRecipients);
        Assert.Equal(7, saved.Hour);
        Assert.Equal(80, saved.ClassAPercent);
    }

    [Fact]
    public async Task Staff_cannot_reach_the_reports()
    {
        var owner = await BusinessWithCustomersAsync("Lavanderia Equipe");
        var staff = await owner.AddStaffAsync();
        var (client, _) = await app.SignInAsync(staff.Email, staff.Password);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.GetAsync("/relatorios")).Status);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.GetAsync("/relatorios/configuracoes")).Status);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.PostAsync("/relatorios/enviar")).Status);
        Assert.Empty(app.Smtp.To(owner.Email));
    }

    [Fact]
    public async Task A_promotion_running_in_the_week_gets_its_line_in_the_email()
    {
        var owner = await BusinessWithCustomersAsync("Sorveteria Promo");
        await Promotions.PromotionCounterTests.CreateAsync(owner, "Semana em dobro", new() { ["Multiplier"] = "2" });
        await owner.Client.RegisterPurchaseAsync("11987650001", "30,00");

        var run = Assert.Single(await DispatchAsync(NextMondayMorning()), r => r.BusinessId == owner.BusinessId);
        Assert.Equal(ReportRunStatus.Sent, await SendAsync(run.BusinessId, run.RunId));

        var mail = Assert.Single(app.Smtp.ReportEmailsTo(owner.Email));
        var body = Page.Normalize(mail.TextBody);
        Assert.Contains("Promoções da semana", body, StringComparison.Ordinal);
        // A business whose earlier weeks had no sales has nothing to compare with: no verdict, never "valeu a pena".
        Assert.Contains("• Semana em dobro (em andamento): 1 uso, 1 cliente, 30 pontos de bônus; sem base de comparação até agora.", body, StringComparison.Ordinal);
        Assert.Contains("Semana em dobro (em andamento)", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_automatic_messages_get_a_line_per_trigger_and_a_paused_whatsapp_is_said_first()
    {
        var owner = await BusinessWithCustomersAsync("Adega Mensagens Semana");
        await app.InBusinessAsync(owner.BusinessId, db => db.Database.ExecuteSqlAsync(
            $"UPDATE businesses SET messages_enabled_triggers = {1 << (int)MessageTrigger.GoalReached}, whatsapp_phone_number_id = {"55" + Random.Shared.NextInt64(100_000_000, 999_999_999)}, whatsapp_paused_at = now() WHERE id = {owner.BusinessId}"));

        var run = Assert.Single(await DispatchAsync(NextMondayMorning()), r => r.BusinessId == owner.BusinessId);
        Assert.Equal(ReportRunStatus.Sent, await SendAsync(run.BusinessId, run.RunId));

        var body = Page.Normalize(Assert.Single(app.Smtp.ReportEmailsTo(owner.Email)).TextBody);
        var heading = body.IndexOf("Mensagens automáticas (tudo em Ações › Mensagens automáticas › Resultados):", StringComparison.Ordinal);
        Assert.True(heading > 0, body);
        Assert.True(body.IndexOf("• WhatsApp pausado: a Meta recusou o token de acesso.", StringComparison.Ordinal) > heading, body);
        Assert.Contains("• Meta atingida: 0 enviadas em 90 dias. Ainda não há resultado", body, StringComparison.Ordinal);
        Assert.DoesNotContain("• Sumindo:", body, StringComparison.Ordinal);   // a trigger left off has no line
    }
}
