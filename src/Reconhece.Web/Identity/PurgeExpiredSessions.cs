using Hangfire;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Identity;

/// <summary>
/// Daily: deletes sessions that expired a day ago or more (a browser closed without signing out leaves
/// its row behind). Signing out and deactivations delete theirs at once; this keeps auth_sessions small.
/// </summary>
public sealed class PurgeExpiredSessions(AppDbContext db, TimeProvider clock, ILogger<PurgeExpiredSessions> log)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync()
    {
        var deleted = await TenantDoors.PurgeExpiredSessionsAsync(db, clock.GetUtcNow().UtcDateTime.AddDays(-1), CancellationToken.None);
        if (deleted > 0) log.LogInformation("Deleted {Count} expired sessions", deleted);
        return deleted;
    }
}
