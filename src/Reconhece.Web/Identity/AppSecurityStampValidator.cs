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
