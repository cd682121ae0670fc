namespace Reconhece.Web.Infrastructure;

/// <summary>
/// Headers every response carries. Pages use no inline script, and no inline style but the card's one
/// block (InlineStyles), allowed by its hash alone, so the CSP can be strict.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Made once, at the first response (it reads site.css), not on every request. form-action names WhatsApp
        // because "Enviar no WhatsApp" posts the contact and is answered with a redirect to wa.me (Ações).
        var styles = app.ApplicationServices.GetRequiredService<InlineStyles>();
        var pagePolicy = new Lazy<string>(() =>
            $"default-src 'self'; style-src 'self' {styles.CspSource}; img-src 'self' data:; form-action 'self' https://wa.me https://api.whatsapp.com; frame-ancestors 'none'; base-uri 'self'");
        return app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            // A stylesheet or a script is not a document: the policies below govern documents only, and left off
            // they save about 600 bytes on each of /registrar's three files (issue 22, under 10 KB on 4G).
            if (IsStaticAsset(context.Request.Path))
            {
                await next();
                return;
            }
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Hangfire's dashboard (platform administrators only) carries inline script and style of its own.
            h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
                : pagePolicy.Value;
            // Pages and PDFs show customers' data: never kept by the browser or a proxy (the Back button then
            // asks again instead of re-showing a stale form).
            h.CacheControl = "no-store";
            await next();
        });
    }

    internal static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib")
        || path.StartsWithSegments("/favicon.ico") || path.StartsWithSegments("/img");
}
