using System.Collections.Concurrent;
using Hangfire;
using Microsoft.AspNetCore.TestHost;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Features.Reports;
using Serilog.Core;
using Serilog.Events;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Reports;

/// <summary>Collects what the app logs (Serilog reads sinks registered as services).</summary>
public sealed class CapturedLog : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();
    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}

/// <summary>The jobs app (Hangfire's server running) with its log captured.</summary>
public sealed class LoggedJobsAppFactory : ReportsAppFactory
{
    public CapturedLog Log { get; } = new();
    protected override bool RunJobServer => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(Log));
    }
}

/// <summary>
/// Log lines carry whom they are about. Each app host has its own Serilog logger (not the static one), so
/// this host's captured sink sees all of its lines even with many hosts running in the test process.
/// </summary>
public sealed class JobLogContextTests(LoggedJobsAppFactory app) : IClassFixture<LoggedJobsAppFactory>
{
    [Fact]
    public async Task A_request_log_line_carries_the_business_and_the_user()
    {
        var owner = await app.SignUpAsync("Loja do Pedido");
        await owner.Client.GetAsync("/clientes?q=log");
        var line = app.Log.Events.FirstOrDefault(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod} {RequestPath}", StringComparison.Ordinal)
            && (e.Properties["RequestPath"] as ScalarValue)?.Value as string == "/clientes"
            && e.Properties.TryGetValue("BusinessId", out var b) && (b as ScalarValue)?.Value?.ToString() == owner.BusinessId.ToString());
        Assert.NotNull(line);
        Assert.True(line.Properties.ContainsKey("UserId"));
        // Never the query string: it can carry a customer's phone.
        Assert.DoesNotContain("log", line.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_log_line_carries_the_job_id_and_the_business_id()
    {
        var owner = await app.SignUpAsync("Loja do Registro");
        await owner.Client.RegisterPurchaseAsync("11987650001", "80");
        var runId = await app.AddRunAsync(owner);

        var jobId = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SendWeeklyReport>(j => j.RunAsync(owner.BusinessId, runId));
        // Generous: with the whole suite running in parallel, a Hangfire server can take a while to start polling.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        LogEvent? sent = null;
        while (sent is null && DateTime.UtcNow < deadline)
        {
            sent = app.Log.Events.FirstOrDefault(e => e.MessageTemplate.Text.StartsWith("Report run {RunId} for week", StringComparison.Ordinal)
                && e.Properties.TryGetValue("RunId", out var r) && r.ToString() == runId.ToString());
            await Task.Delay(250);
        }

        var status = await app.InBusinessAsync(owner.BusinessId, db => Task.FromResult(db.ReportRuns.Where(r => r.Id == runId).Select(r => new { r.Status, r.Attempts, r.LastError }).Single()));
        Assert.True(sent is not null, $"run {status}; {app.Log.Events.Count} events: " + string.Join(" | ", app.Log.Events.Take(15).Select(e => e.MessageTemplate.Text)));
        Assert.Equal(jobId, (sent.Properties["JobId"] as ScalarValue)?.Value?.ToString());
        Assert.Equal(owner.BusinessId.ToString(), (sent.Properties["BusinessId"] as ScalarValue)?.Value?.ToString());
    }
}
