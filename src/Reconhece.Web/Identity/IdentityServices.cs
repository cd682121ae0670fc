using Microsoft.AspNetCore.Identity;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Identity;

public static class IdentityServices
{
    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Stated on the sign-up page: at least 8 characters, with letters and numbers.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<PtBrIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // A deactivated person loses access within a minute, not at the cookie's expiry. (The purchase
        // benchmark raises it: wrk replays one cookie and never stores the renewed one a phone would.)
        services.AddScoped<ISecurityStampValidator, AppSecurityStampValidator>();
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromMinutes(configuration.GetValue("Identity:SecurityStampValidationMinutes", 1.0)));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/entrar";
            o.LogoutPath = "/sair";
            o.AccessDeniedPath = "/acesso-negado";
            o.Cookie.Name = "reconhece.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Owner, p => p.RequireRole(Roles.Owner))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Owner, Roles.Staff));
        return services;
    }
}

public static class Policies
{
    public const string Owner = "Owner";
    public const string Staff = "Staff";
}
