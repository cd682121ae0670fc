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
        services.AddStaticAssetCompression();
        services.AddLocalization();
        // Write "negócio", not "neg&#xF3;cio": lighter pages, readable source. Razor still HTML-encodes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, PtBrBindingMessages>();
        services.AddSingleton<InlineStyles>();
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
        services.AddOptions<CardLimitOptions>().BindConfiguration(CardLimitOptions.Section)
            .Validate(o => o.PerAddressPerMinute > 0 && o.PerTokenPerMinute > 0, "CardLimit's permits must be positive").ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The customer's card (/c/{token}) is open to anyone holding a link: per address and per token,
            // so neither one address trying tokens nor many addresses hammering one card get far.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                CardLimiter(http => "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), o => o.PerAddressPerMinute),
                CardLimiter(http => "token:" + (http.Request.Path.Value!.Split('/', 4) is [_, _, var token, ..] ? token : ""), o => o.PerTokenPerMinute));
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

    private static PartitionedRateLimiter<HttpContext> CardLimiter(Func<HttpContext, string> key, Func<CardLimitOptions, int> permit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.Request.Path.StartsWithSegments("/c", StringComparison.Ordinal)
                ? RateLimitPartition.GetFixedWindowLimiter(key(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permit(http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<CardLimitOptions>>().Value),
                    Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
}

public sealed class CardLimitOptions
{
    public const string Section = "CardLimit";
    /// <summary>Requests to customer cards allowed per client IP per minute.</summary>
    public int PerAddressPerMinute { get; set; } = 60;
    /// <summary>Requests allowed to one card link per minute, from anywhere.</summary>
    public int PerTokenPerMinute { get; set; } = 30;
}

public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimit";
    /// <summary>Sign-in and sign-up attempts allowed per client IP per minute.</summary>
    public int PermitPerMinute { get; set; } = 10;
}
