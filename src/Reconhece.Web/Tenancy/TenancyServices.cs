namespace Reconhece.Web.Tenancy;

public static class TenancyServices
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentBusiness>();
        services.AddSingleton(sp => TenantFilterSwitch.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        return services;
    }
}
