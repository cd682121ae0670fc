using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Identity;

/// <summary>
/// How long a session lasts. Shop phones are shared, so by default the cookie ends with the browser and
/// after an idle time: 12 hours for staff (a shift), 7 days for owners. "Lembrar neste aparelho" (opt-in)
/// keeps it across browser restarts, for at most 30 days from sign-in, whatever happens in between.
/// </summary>
public static class SessionLifetimes
{
    public static readonly TimeSpan StaffIdle = TimeSpan.FromHours(12);
    public static readonly TimeSpan OwnerIdle = TimeSpan.FromDays(7);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);
    private const string StartedItem = ".started";

    public static Task OnSigningIn(CookieSigningInContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var items = context.Properties.Items;
        if (!items.ContainsKey(StartedItem)) items[StartedItem] = now.ToString("o", CultureInfo.InvariantCulture);
        context.Properties.IssuedUtc = now;
        if (context.Properties.IsPersistent)
        {
            context.Properties.ExpiresUtc = Started(context.Properties.Items, now) + Longest;
            context.Properties.AllowRefresh = false;
        }
        else
        {
            // Sliding: every refresh keeps this span, so it is the idle time.
            context.Properties.ExpiresUtc = now + (context.Principal!.IsInRole(Roles.Owner) ? OwnerIdle : StaffIdle);
            context.Properties.AllowRefresh = true;
        }
        return Task.CompletedTask;
    }

    /// <summary>True when the session began more than 30 days ago (checked on every request).</summary>
    public static bool IsTooOld(IDictionary<string, string?> items, DateTimeOffset now) => now - Started(items, now) > Longest;

    private static DateTimeOffset Started(IDictionary<string, string?> items, DateTimeOffset now) =>
        items.TryGetValue(StartedItem, out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var v) ? v : now;
}
