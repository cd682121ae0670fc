using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Reconhece.Web.Infrastructure;

/// <summary>
/// The stylesheet and scripts travel compressed and, once versioned (asp-append-version's "?v="), are kept by
/// the browser for a year: a counter phone opening /registrar all day fetches only its HTML (issue 22,
/// docs/counter.md). Pages themselves are not compressed: they carry antiforgery tokens next to what people
/// type, the mix that BREACH reads through compressed sizes over HTTPS.
/// </summary>
public static class StaticAssets
{
    private static readonly string[] CompressedTypes = ["text/css", "text/javascript", "application/javascript"];

    public static IServiceCollection AddStaticAssetCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;  // safe here: only the static types below, never a page
            o.MimeTypes = CompressedTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        return services;
    }

    public static IApplicationBuilder UseStaticAssets(this IApplicationBuilder app)
    {
        // Only the asset paths go through compression: a page request (the purchase, above all) pays one path test.
        app.UseWhen(context => SecurityHeaders.IsStaticAsset(context.Request.Path), branch => branch.UseResponseCompression());
        // The stylesheet without its comments (InlineStyles.Full): they explain the rules to us, not to phones.
        var styles = app.ApplicationServices.GetRequiredService<InlineStyles>();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path != "/css/site.css" || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                await next();
                return;
            }
            context.Response.ContentType = "text/css; charset=utf-8";
            Cache(context);
            if (HttpMethods.IsGet(context.Request.Method)) await context.Response.WriteAsync(styles.Full);
        });
        return app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => Cache(file.Context) });
    }

    // The version changes with the content, so a versioned file never needs asking again.
    private static void Cache(HttpContext context)
    {
        if (context.Request.Query.ContainsKey("v")) context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
    }
}
