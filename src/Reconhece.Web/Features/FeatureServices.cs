using Reconhece.Web.Features.Account;
using Reconhece.Web.Features.Staff;

namespace Reconhece.Web.Features;

public static class FeatureServices
{
    /// <summary>The use-case handlers that controllers and the demo seeder call.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SignUpBusiness>();
        services.AddScoped<SaveStaffMember>();
        return services;
    }
}
