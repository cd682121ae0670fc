using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Identity;

/// <summary>Puts the business (the tenant), branch and display name into the sign-in cookie.</summary>
public sealed class AppClaimsFactory(
    UserManager<AppUser> userManager, RoleManager<AppRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    public const string BranchClaim = "branch_id";
    public const string NameClaim = "full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentBusiness.ClaimType, user.BusinessId.ToString()));
        identity.AddClaim(new Claim(NameClaim, user.FullName));
        if (user.BranchId is { } branch) identity.AddClaim(new Claim(BranchClaim, branch.ToString()));
        return identity;
    }
}
