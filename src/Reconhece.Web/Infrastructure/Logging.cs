using System.Security.Claims;
using Reconhece.Web.Tenancy;
using Serilog;
using Serilog.Events;

namespace Reconhece.Web.Infrastructure;

public static class Logging
{
    /// <summary>
    /// The app's own logger, not Serilog's static one (preserveStaticLogger): several app hosts in one
    /// process (the tests) would otherwise share whichever static logger was set last.
    /// </summary>
    public static void UseAppSerilog(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, lc) => lc
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // EF logs expected failures (e.g. probing a missing history table) as errors; real ones surface as exceptions.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, outputTemplate:
                "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {BusinessId} {UserId} {JobId}{NewLine}{Exception}"),
            preserveStaticLogger: true);

    /// <summary>One line per request: method, path (never the query string or body), status, time, business, user.</summary>
    public static IApplicationBuilder UseAppRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // The middleware would use the static logger; this host's own writes the request lines.
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.EnrichDiagnosticContext = (diag, http) =>
            {
                var user = http.User;
                if (user.Identity?.IsAuthenticated != true) return;
                diag.Set("BusinessId", user.FindFirstValue(CurrentBusiness.ClaimType));
                diag.Set("UserId", user.FindFirstValue(ClaimTypes.NameIdentifier));
            };
        });
}
