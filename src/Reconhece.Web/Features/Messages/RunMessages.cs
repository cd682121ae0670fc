using Hangfire;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// The recurring job (every 10 minutes, Jobs/RecurringJobs): for each business with a trigger on, plans
/// the new occasions and sends what is due. One business failing is logged and the others go on; rows
/// claimed by a run that died become "incerto" (decision 009), so Hangfire's own retries are off.
/// </summary>
public sealed class RunMessages(AppDbContext db, PlanMessages plan, SendMessages send, ILogger<RunMessages> log)
{
    [AutomaticRetry(Attempts = 0), DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync()
    {
        var sent = 0;
        foreach (var business in await TenantDoors.MessageBusinessesAsync(db, CancellationToken.None))
        {
            try
            {
                await plan.PlanAsync(business, CancellationToken.None);
                sent += await send.SendDueAsync(business, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Automatic messages failed in business {BusinessId}", business);
            }
        }
        return sent;
    }
}
