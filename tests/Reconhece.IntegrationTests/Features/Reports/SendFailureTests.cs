using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Reports;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>
/// Faults injected on purpose into the weekly send: a database error while building, a commit that fails
/// after the mail server accepted, the attempt cap, a bad business in the dispatcher, a run locked by a
/// send in progress. Every failure is counted and visible; nothing is sent twice.
/// Faults come from PostgreSQL triggers the test installs as the administrator, scoped to one business.
/// </summary>
public sealed class SendFailureTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task A_database_error_while_building_is_counted_shown_and_retried()
    {
        var (owner, runId) = await DueRunAsync("Loja Disco Cheio");
        await AdminAsync($"""
            CREATE FUNCTION fault_files_{Tag(owner)}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.business_id = '{owner.BusinessId}' THEN RAISE EXCEPTION 'disk full (injected)'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fault_files_{Tag(owner)} BEFORE INSERT ON report_files FOR EACH ROW EXECUTE FUNCTION fault_files_{Tag(owner)}();
            """);

        var failed = await SendAsync(owner, runId);
        var run = await RunAsync(owner, runId);
        var page = await owner.Client.GetAsync("/relatorios");
        await AdminAsync($"DROP TRIGGER fault_files_{Tag(owner)} ON report_files");
        var retried = await SendAsync(owner, runId);

        Assert.Equal(ReportRunStatus.Failed, failed);
        Assert.Equal((1, "Falha no banco de dados durante o envio."), (run.Attempts, run.LastError));
        Assert.NotNull(run.NextAttemptAt);
        Assert.True(page.Shows("Falha no banco de dados durante o envio."), page.Text);
        Assert.Equal(ReportRunStatus.Sent, retried);
        Assert.Equal(2, (await RunAsync(owner, runId)).Attempts);
        Assert.Single(Reports(owner));
    }

    [Fact]
    public async Task A_commit_that_fails_after_the_mail_server_accepted_never_sends_again()
    {
        var (owner, runId) = await DueRunAsync("Loja Commit Falho");
        // The first write of "Sent" fails (a sequence is not rolled back, so the second write passes).
        await AdminAsync($"""
            CREATE SEQUENCE fault_seq_{Tag(owner)};
            CREATE FUNCTION fault_sent_{Tag(owner)}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.business_id = '{owner.BusinessId}' AND NEW.status = 2 AND OLD.status <> 2 AND nextval('fault_seq_{Tag(owner)}') = 1 THEN
                RAISE EXCEPTION 'connection lost at commit (injected)';
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER fault_sent_{Tag(owner)} BEFORE UPDATE ON report_runs FOR EACH ROW EXECUTE FUNCTION fault_sent_{Tag(owner)}();
            GRANT USAGE ON SEQUENCE fault_seq_{Tag(owner)} TO reconhece_app;
            """);

        var first = await SendAsync(owner, runId);
        var again = await SendAsync(owner, runId);
        await AdminAsync($"DROP TRIGGER fault_sent_{Tag(owner)} ON report_runs");

        Assert.Equal(ReportRunStatus.Sent, first);
        Assert.Equal(ReportRunStatus.Sent, again);
        Assert.Single(Reports(owner));
        var run = await RunAsync(owner, runId);
        Assert.Equal((ReportRunStatus.Sent, 1), (run.Status, run.Attempts));
    }

    [Fact]
    public async Task At_the_cap_a_run_stops_is_not_retried_and_shows_on_the_platform_page()
    {
        var (owner, runId) = await DueRunAsync("Loja Sem Servidor");
        await app.AsAdminAsync(db => db.ReportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Attempts, ReportSchedule.MaxAttempts - 1)));
        app.Smtp.Failing = true;
        try
        {
            Assert.Equal(ReportRunStatus.Failed, await SendAsync(owner, runId));
        }
        finally
        {
            app.Smtp.Failing = false;
        }
        var run = await RunAsync(owner, runId);
        var retried = await app.InScopeAsync<DispatchWeeklyReports, IReadOnlyList<(Guid, Guid)>>(d => d.DispatchAsync(DateTime.UtcNow.AddDays(30), CancellationToken.None));
        var again = await SendAsync(owner, runId);
        var admin = await PlatformAdminAsync();
        var platform = await admin.GetAsync("/plataforma");
        var ownerTries = await owner.Client.GetAsync("/plataforma");

        Assert.Equal((ReportSchedule.MaxAttempts, (DateTime?)null), (run.Attempts, run.NextAttemptAt));
        Assert.DoesNotContain(retried, r => r.Item2 == runId);
        Assert.Equal(ReportRunStatus.Failed, again);
        Assert.Equal(ReportSchedule.MaxAttempts, (await RunAsync(owner, runId)).Attempts);
        Assert.True(platform.Shows("Loja Sem Servidor") && platform.Shows($"{ReportSchedule.MaxAttempts} tentativas"), platform.Text);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ownerTries.Status);
    }

    [Fact]
    public async Task One_bad_business_is_skipped_and_the_others_still_get_their_run()
    {
        app.Clock.Now = null;
        var bad = await app.SignUpAsync("Loja Fuso Quebrado");
        var good = await app.SignUpAsync("Loja Fuso Bom");
        await app.AsAdminAsync(db => db.Businesses.Where(b => b.Id == bad.BusinessId || b.Id == good.BusinessId)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.CreatedAt, DateTime.UtcNow.AddDays(-30))));
        await app.AsAdminAsync(db => db.Businesses.Where(b => b.Id == bad.BusinessId).ExecuteUpdateAsync(u => u.SetProperty(b => b.TimeZoneId, "Invalido/Zona")));

        var enqueued = await app.InScopeAsync<DispatchWeeklyReports, IReadOnlyList<(Guid BusinessId, Guid RunId)>>(d => d.DispatchAsync(DateTime.UtcNow, CancellationToken.None));

        Assert.Contains(enqueued, r => r.BusinessId == good.BusinessId);
        Assert.DoesNotContain(enqueued, r => r.BusinessId == bad.BusinessId);
    }

    [Fact]
    public async Task The_dispatcher_never_waits_behind_a_run_that_is_being_sent()
    {
        var (owner, runId) = await DueRunAsync("Loja Travada");
        await app.AsAdminAsync(db => db.ReportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(u => u.SetProperty(r => r.NextAttemptAt, DateTime.UtcNow.AddMinutes(-1))));
        // A send in progress holds the run's row lock.
        await using var holder = new NpgsqlConnection(app.ConnectionString);
        await holder.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await using (var lockIt = new NpgsqlCommand($"SELECT 1 FROM report_runs WHERE id = '{runId}' FOR UPDATE", holder, tx)) await lockIt.ExecuteScalarAsync();

        var clock = Stopwatch.StartNew();
        var enqueued = await app.InScopeAsync<DispatchWeeklyReports, IReadOnlyList<(Guid BusinessId, Guid RunId)>>(d => d.DispatchAsync(DateTime.UtcNow, CancellationToken.None))
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed}");
        Assert.DoesNotContain(enqueued, r => r.RunId == runId);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task Five_jobs_for_one_run_at_once_send_one_email()
    {
        var (owner, runId) = await DueRunAsync("Loja Cinco Jobs");

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(owner, runId)));

        // Each job counts an attempt and takes the lease; only the one holding it at send time sends.
        Assert.Single(Reports(owner));
        Assert.Contains(ReportRunStatus.Sent, results);
        Assert.Equal(ReportRunStatus.Sent, (await RunAsync(owner, runId)).Status);
        Assert.Equal(ReportRunStatus.Sent, await SendAsync(owner, runId)); // a late duplicate finds it sent
        Assert.Single(Reports(owner));
    }

    [Fact]
    public async Task A_recipient_refused_midway_gets_the_retry_and_nobody_gets_the_run_twice()
    {
        var (owner, runId) = await DueRunAsync("Loja Dois Leitores");
        var extra = $"socio.{Tag(owner)}@loja.com.br";
        await owner.Client.SubmitAsync("/relatorios/configuracoes", new Dictionary<string, string> { ["ExtraRecipients"] = extra });
        await app.ConfirmExtraRecipientsAsync(owner);
        app.Smtp.RefuseTo = extra;
        try
        {
            Assert.Equal(ReportRunStatus.Failed, await SendAsync(owner, runId));
            Assert.Equal(owner.Email, (await RunAsync(owner, runId)).SentTo);
        }
        finally
        {
            app.Smtp.RefuseTo = null;
        }

        Assert.Equal(ReportRunStatus.Sent, await SendAsync(owner, runId));
        Assert.Equal(ReportRunStatus.Sent, await SendAsync(owner, runId));
        Assert.Single(Reports(owner));
        Assert.Single(app.Smtp.ReportEmailsTo(extra));
        var run = await RunAsync(owner, runId);
        Assert.Equal((2, $"{owner.Email}, {extra}"), (run.Attempts, run.SentTo));
    }

    private async Task<(OwnerSession Owner, Guid RunId)> DueRunAsync(string name)
    {
        app.Clock.Now = null;
        app.Smtp.Failing = false;
        var owner = await app.SignUpAsync(name);
        await owner.Client.RegisterPurchaseAsync("11987650001", "80");
        var runId = await app.AddRunAsync(owner);
        return (owner, runId);
    }

    private Task<ReportRunStatus?> SendAsync(OwnerSession owner, Guid runId) =>
        app.InScopeAsync<SendWeeklyReport, ReportRunStatus?>(s => s.SendAsync(owner.BusinessId, runId, CancellationToken.None));

    private Task<ReportRun> RunAsync(OwnerSession owner, Guid runId) =>
        app.InBusinessAsync(owner.BusinessId, db => db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    private List<MimeKit.MimeMessage> Reports(OwnerSession owner) => app.Smtp.ReportEmailsTo(owner.Email);

    private async Task<AppClient> PlatformAdminAsync()
    {
        var admin = await app.SignUpAsync("Equipe da Plataforma");
        Assert.Equal(0, await Reconhece.Web.Identity.GrantPlatformAdmin.RunAsync(app.Services, admin.Email));
        return (await app.SignInAsync(admin.Email, admin.Password)).Client;
    }

    private static string Tag(OwnerSession owner) => owner.BusinessId.ToString("N")[..12];

    private async Task AdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
