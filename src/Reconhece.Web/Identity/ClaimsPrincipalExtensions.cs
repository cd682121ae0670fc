using System.Security.Claims;

namespace Reconhece.Web.Identity;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in person's id (every authorized action has one).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user."));
}
