using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Identity;

/// <summary>
/// Re-checks a session's security stamp (every minute) inside the business the cookie names. It runs while
/// the cookie is being read, before the request has a signed-in user, so without this the person would be
/// looked up with no business and, under row-level security, not found.
/// </summary>
public sealed class AppSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger, CurrentBusiness current)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    /// <summary>
    /// The sign-in cookie's OnValidatePrincipal. Between two checks of the stamp (every minute) and while the
    /// session is young enough, there is nothing to do, so nothing is made: resolving this validator builds
    /// the sign-in manager, the user manager and a database context, about 6% of a purchase's CPU in the app
    /// (docs/benchmarks.md). When something is due, the stamp is checked as Identity does.
    /// </summary>
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var due = context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval
            || SessionLifetimes.IsTooOld(context.Properties.Items, now);
        return due ? SecurityStampValidator.ValidatePrincipalAsync(context) : Task.CompletedTask;
    }

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (SessionLifetimes.IsTooOld(context.Properties.Items, TimeProvider.GetUtcNow()))
        {
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }
        var claim = context.Principal?.FindFirstValue(CurrentBusiness.ClaimType);
        using var scope = Guid.TryParse(claim, out var businessId) ? current.Use(businessId) : null;
        await base.ValidateAsync(context);
    }
}
