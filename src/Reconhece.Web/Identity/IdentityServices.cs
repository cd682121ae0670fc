using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
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
                // No composition rules (ASVS 5.0): length, and the checks of AppPasswordValidator.
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // No hard lockout a stranger could trigger: SignInThrottle slows guessing instead.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<PtBrIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<AppPasswordValidator>();

        // A deactivated person loses access within a minute, not at the cookie's expiry. (The purchase
        // benchmark raises it: wrk replays one cookie and never stores the renewed one a phone would.)
        services.AddScoped<ISecurityStampValidator, AppSecurityStampValidator>();
        services.AddMemoryCache();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PurgeExpiredSessions>();
        // Password-recovery and email-confirmation links: one hour, and single use (the security stamp changes).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
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
            o.ExpireTimeSpan = SessionLifetimes.StaffIdle;
            o.Events.OnSigningIn = SessionLifetimes.OnSigningIn;
            o.Events.OnValidatePrincipal = AppSecurityStampValidator.ValidatePrincipalAsync;
        });
        // Sessions live on the server (sign-out ends them there); in Production the cookie is __Host- and Secure.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore, IHostEnvironment>((o, store, environment) =>
            {
                o.SessionStore = store;
                if (!environment.IsProduction()) return;
                o.Cookie.Name = "__Host-reconhece";
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.Path = "/";
            });

        services.AddAuthorizationBuilder()
            // A controller or endpoint with no attribute is closed: only [AllowAnonymous] opens one. A path that
            // matches no endpoint at all goes on to the pt-BR 404 page instead of the sign-in page.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(c =>
                c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && http.GetEndpoint() is null)).Build())
            .AddPolicy(Policies.Owner, p => p.RequireRole(Roles.Owner))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Owner, Roles.Staff))
            .AddPolicy(Policies.Platform, p => p.RequireRole(Roles.PlatformAdmin));
        return services;
    }
}

public static class Policies
{
    public const string Owner = "Owner";
    public const string Staff = "Staff";
    public const string Platform = "Platform";
}
