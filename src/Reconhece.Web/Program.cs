using Reconhece.Web.Data;
using Reconhece.Web.Features;
using Reconhece.Web.Features.Demo;
using Reconhece.Web.Identity;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Infrastructure.Email;
using Reconhece.Web.Infrastructure.Pdf;
using Reconhece.Web.Jobs;
using Reconhece.Web.Tenancy;

// Our own switches are taken out before ASP.NET Core reads the command line, which would otherwise
// read "--seed-demo --urls X" as a setting named seed-demo with the value "--urls".
string[] switches = ["migrate", "--migrate-first", "--seed-demo", "grant-platform-admin", "recompute-segments", "run-nightly"];
var migrate = args.Contains("migrate");
// `--migrate-first`: migrate, then serve, in one process (scripts/run.sh: one .NET start-up less on a fresh clone).
var migrateFirst = args.Contains("--migrate-first");
var recomputeSegments = args.Contains("recompute-segments");
var grantAdmin = Array.IndexOf(args, "grant-platform-admin") is var g and >= 0 ? args.ElementAtOrDefault(g + 1) ?? "" : null;
if (grantAdmin is not null) switches = [.. switches, grantAdmin];
// "run-nightly NAME": one nightly job, run once in this process as Hangfire runs it (the benchmarks time them).
var nightly = Array.IndexOf(args, "run-nightly") is var n and >= 0 ? args.ElementAtOrDefault(n + 1) ?? "" : null;
if (nightly is not null) switches = [.. switches, nightly];
var seedDemo = args.Contains("--seed-demo");
var builder = WebApplication.CreateBuilder(args.Where(a => !switches.Contains(a)).ToArray());
builder.UseAppSerilog();
builder.Services
    .AddData(builder.Configuration)
    .AddTenancy()
    .AddAppIdentity(builder.Configuration)
    .AddWeb(builder.Configuration)
    .AddEmail()
    .AddJobs(builder.Configuration)
    .AddFeatures(builder.Environment.IsDevelopment());

var app = builder.Build();

// `Reconhece.Web migrate`: create/upgrade the database, then exit (run once before starting instances).
if (migrate || migrateFirst)
{
    await DatabaseMigrator.MigrateAsync(app.Services);
    if (migrate) return;
}

// `Reconhece.Web grant-platform-admin EMAIL`: the account may open the Hangfire dashboard.
if (grantAdmin is not null)
{
    Environment.ExitCode = await GrantPlatformAdmin.RunAsync(app.Services, grantAdmin);
    return;
}

// The app must connect as a role the row-level security policies bind; say so clearly if it does not.
await AppRoleCheck.EnsureAppRoleAsync(app.Configuration);

// `Reconhece.Web recompute-segments`: the nightly RFV job once, now, for every business (after a restore,
// or to time it: scripts/bench/history-bench.sh), then exit.
if (recomputeSegments)
{
    using var scope = app.Services.CreateScope();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var changed = await scope.ServiceProvider.GetRequiredService<Reconhece.Web.Features.Segments.RecomputeSegments>().RunAsync();
    Console.WriteLine($"RFV segments: {changed} customers changed in {clock.Elapsed.TotalSeconds:0.0} s");
    return;
}
if (nightly is not null)
{
    using var scope = app.Services.CreateScope();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var services = scope.ServiceProvider;
    int? done = nightly switch
    {
        RecurringJobs.HistoryDays => await Done(services.GetRequiredService<Reconhece.Web.Features.History.FillHistoryDays>().RunAsync()),
        RecurringJobs.PointsExpiry => await services.GetRequiredService<Reconhece.Web.Features.Points.ExpirePoints>().RunAsync(),
        RecurringJobs.Segments => await services.GetRequiredService<Reconhece.Web.Features.Segments.RecomputeSegments>().RunAsync(),
        RecurringJobs.Messages => await services.GetRequiredService<Reconhece.Web.Features.Messages.RunMessages>().RunAsync(),
        RecurringJobs.MessagesPlan => await services.GetRequiredService<Reconhece.Web.Features.Messages.RunMessages>().PlanAllAsync(),
        _ => null,
    };
    if (done is null)
    {
        await Console.Error.WriteLineAsync($"run-nightly knows {RecurringJobs.HistoryDays}, {RecurringJobs.PointsExpiry}, {RecurringJobs.Segments}, {RecurringJobs.Messages} and {RecurringJobs.MessagesPlan}, not '{nightly}'.");
        Environment.ExitCode = 2;
        return;
    }
    Console.WriteLine($"{nightly}: done in {clock.Elapsed.TotalSeconds:0.0} s (result {done})");
    return;
}
PdfFonts.Install(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Reconhece.Web.Features.Reports.ReportOptions>>().Value.FontFolder);
if (JobOptions.Read(app.Configuration).RunServer) RecurringJobs.Register(app.Services);

if (seedDemo || app.Configuration.GetValue<bool>("Demo:Seed"))
    await DemoSeeder.SeedAsync(app.Services);

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/erro");
}
if (app.Environment.IsProduction())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseSecurityHeaders();
app.UseHeadAsGet();
app.UseStatusCodePagesWithReExecute("/erro/{0}");
app.UseRequestLocalization();
app.UseStaticAssets();
app.UseAppRequestLogging();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapControllers();
app.MapJobsDashboard();

app.Lifetime.ApplicationStarted.Register(() =>
{
    app.Logger.LogInformation("Reconhece is listening on {Urls}", string.Join(", ", app.Urls));
    var email = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value;
    if (string.IsNullOrWhiteSpace(app.Configuration["DataProtection:CertificatePath"]))
        app.Logger.LogWarning("No DataProtection:CertificatePath configured: the key ring that signs cookies is stored unencrypted in the database");
    if (!email.UsesSmtp)
        app.Logger.LogWarning("No SMTP server configured (Email:Smtp:Host): emails are written as .eml files to {Folder}", email.PickupFolder);
});

await app.RunAsync();

// A job that returns nothing, for run-nightly's one line.
static async Task<int> Done(Task job)
{
    await job;
    return 0;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
