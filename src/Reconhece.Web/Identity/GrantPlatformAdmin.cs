using Microsoft.AspNetCore.Identity;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Identity;

/// <summary>
/// `Reconhece.Web grant-platform-admin EMAIL`: makes an existing account a platform administrator, who
/// may open the Hangfire dashboard (/hangfire). Only someone with access to the server and its database
/// can run it; no page in the app grants it.
/// </summary>
public static class GrantPlatformAdmin
{
    public static async Task<int> RunAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var found = await TenantDoors.FindUserAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), users.NormalizeEmail(email), null, default);
        using var business = found is null ? null : scope.ServiceProvider.GetRequiredService<CurrentBusiness>().Use(found.BusinessId);
        var user = found is null ? null : await users.FindByIdAsync(found.UserId.ToString());
        if (user is null)
        {
            Console.Error.WriteLine($"No account with the email {email}. Sign up first, then run this again.");
            return 1;
        }
        if (!await users.IsInRoleAsync(user, Roles.PlatformAdmin))
        {
            var result = await users.AddToRoleAsync(user, Roles.PlatformAdmin);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine(string.Join("; ", result.Errors.Select(e => e.Description)));
                return 1;
            }
        }
        Console.WriteLine($"{email} is a platform administrator: /hangfire opens after the next sign-in.");
        return 0;
    }
}
