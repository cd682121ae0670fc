using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Jobs;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>The real path: Hangfire on PostgreSQL runs the recurring dispatcher, which enqueues the job that emails.</summary>
public sealed class HangfireJobsTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    [Fact]
    public async Task The_recurring_dispatcher_in_Hangfire_sends_the_weekly_email_once()
    {
        var owner = await app.SignUpAsync("Sorveteria Agendada");
        await owner.Client.RegisterPurchaseAsync("11987651234", "80,00", name: "Renata");
        // Signed up a month ago: last Monday's 07:00 send moment reports a week the business lived through.
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            (await db.Businesses.SingleAsync()).CreatedAt = DateTime.UtcNow.AddDays(-30);
            return await db.SaveChangesAsync();
        });

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.WeeklyReports);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Reports(owner).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(250);
        // The dispatcher runs again (triggered and every minute): the week is sent, so nothing more goes out.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.WeeklyReports);
        await Task.Delay(3000);

        Assert.True(Reports(owner).Count == 1, await DiagnosisAsync());
        var mail = Assert.Single(Reports(owner));
        var run = await app.InBusinessAsync(owner.BusinessId, db => db.ReportRuns.AsNoTracking().SingleAsync());
        Assert.Equal(ReportScenario.ExpectedFiles(run), mail.Attachments.Count());
        Assert.True(run.IsWeekly);
        Assert.Equal(ReportRunStatus.Sent, run.Status);
        Assert.Equal(ReportSchedule.LatestMoment(DateTime.UtcNow, ReportScenario.SaoPaulo, DayOfWeek.Monday, 7).WeekStart, run.WeekStart);
    }

    /// <summary>The weekly emails the owner got (the sign-up's confirmation email is another).</summary>
    private List<MimeKit.MimeMessage> Reports(OwnerSession owner) => app.Smtp.ReportEmailsTo(owner.Email);

    /// <summary>What Hangfire and the runs did, for a failure message: jobs with state and reason, runs with status and error.</summary>
    private Task<string> DiagnosisAsync() => app.AsAdminAsync(async db => string.Join("\n", (await db.Database.SqlQuery<string>($"""
        SELECT 'job ' || j.id || ' ' || coalesce(j.statename, '?') || ' ' || coalesce(s.reason, '') || ' ' || left(coalesce(s.data::text, ''), 1500)
               || ' ' || left(coalesce(j.invocationdata::text, ''), 200) AS "Value"
        FROM hangfire.job j LEFT JOIN hangfire.state s ON s.id = j.stateid
        UNION ALL
        SELECT 'run ' || r.id || ' week ' || r.week_start || ' status ' || r.status || ' attempts ' || r.attempts || ' ' || coalesce(r.last_error, '') AS "Value"
        FROM report_runs r
        """).ToListAsync()).Prepend($"smtp: {app.Smtp.All.Count} messages, {app.Smtp.Refused} refused")));

    [Fact]
    public async Task Only_a_platform_administrator_opens_the_Hangfire_dashboard()
    {
        var owner = await app.SignUpAsync("Dono Curioso");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.GetAsync("/hangfire")).Status);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var stranger = await anonymous.GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.Equal((HttpStatusCode.Redirect, "/entrar"), (stranger.StatusCode, stranger.Headers.Location?.AbsolutePath));

        var admin = await app.SignUpAsync("Equipe da Plataforma");
        Assert.Equal(0, await GrantPlatformAdmin.RunAsync(app.Services, admin.Email));
        Assert.Equal(1, await GrantPlatformAdmin.RunAsync(app.Services, "ninguem@exemplo.com.br"));
        var (client, _) = await app.SignInAsync(admin.Email, admin.Password);
        var dashboard = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Reconhece — tarefas", dashboard.Doc.Title ?? dashboard.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.GetAsync("/hangfire/recurring")).Status);
    }
}
