using Reconhece.Web.Data;
using Reconhece.Web.Features;
using Reconhece.Web.Features.Demo;
using Reconhece.Web.Identity;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Tenancy;

var builder = WebApplication.CreateBuilder(args);
builder.UseAppSerilog();
builder.Services
    .AddData()
    .AddTenancy()
    .AddAppIdentity()
    .AddWeb(builder.Configuration)
    .AddFeatures();

var app = builder.Build();

// `Reconhece.Web migrate`: create/upgrade the database, then exit (run once before starting instances).
if (args.Contains("migrate"))
{
    await DatabaseMigrator.MigrateAsync(app.Services);
    return;
}

if (args.Contains("--seed-demo") || app.Configuration.GetValue<bool>("Demo:Seed"))
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
app.UseStatusCodePagesWithReExecute("/erro/{0}");
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseAppRequestLogging();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });
app.MapControllers();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Reconhece is listening on {Urls}", string.Join(", ", app.Urls)));

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
