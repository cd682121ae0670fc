using Hangfire;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Platform;

/// <summary>
/// Nightly: the data promises the app makes, checked for every business (TenantDoors.InvariantViolationsAsync).
/// Each broken one is logged as an error with the business id; /plataforma lists them too.
/// </summary>
public sealed class CheckInvariants(AppDbContext db, ILogger<CheckInvariants> log)
{
    [AutomaticRetry(Attempts = 1)]
    public async Task<int> RunAsync()
    {
        var violations = await TenantDoors.InvariantViolationsAsync(db, CancellationToken.None);
        foreach (var v in violations)
            log.LogError("Invariant {Check} broken in business {BusinessId}: {Detail}", v.CheckName, v.BusinessId, v.Detail);
        if (violations.Count == 0) log.LogInformation("Invariants hold in every business");
        return violations.Count;
    }
}
