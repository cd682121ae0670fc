using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Infrastructure;

public static class WebServices
{
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        // Write "negócio", not "neg&#xF3;cio": lighter pages, readable source. Razor still HTML-encodes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, PtBrBindingMessages>();
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        // Feature folders: /Features/{Controller}/{View}.cshtml, shared pieces in /Features/Shared.
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });

        services.Configure<RequestLocalizationOptions>(o =>
        {
            var ptBr = new CultureInfo("pt-BR");
            o.DefaultRequestCulture = new RequestCulture(ptBr);
            o.SupportedCultures = [ptBr];
            o.SupportedUICultures = [ptBr];
        });

        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section)
            .Validate(o => o.PermitPerMinute > 0, "SignInLimit:PermitPerMinute must be positive").ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http =>
            {
                var permit = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInLimitOptions>>().Value.PermitPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Production only (Program.cs): browsers remember for a year to use HTTPS.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }
}

public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimit";
    /// <summary>Sign-in and sign-up attempts allowed per client IP per minute.</summary>
    public int PermitPerMinute { get; set; } = 10;
}
