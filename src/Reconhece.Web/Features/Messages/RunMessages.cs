using Hangfire;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// The recurring job (every 10 minutes, Jobs/RecurringJobs): for each business with a trigger on or a
/// message waiting, plans the new occasions and sends what is due. Businesses are worked
/// <see cref="Parallelism"/> at a time, each in its own scope (its own connection and business context),
/// so 10,000 businesses plan in well under the 10 minutes (docs/benchmarks.md). One business failing is
/// logged and the others go on; rows claimed by a run that died become "incerto" (decision 009), so
/// Hangfire's own retries are off.
/// </summary>
public sealed class RunMessages(AppDbContext db, IServiceScopeFactory scopes, ILogger<RunMessages> log)
{
    /// <summary>Businesses worked side by side: a few connections of the pool, not all of them.</summary>
    public const int Parallelism = 8;

    [AutomaticRetry(Attempts = 0), DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> RunAsync() => EachAsync(send: true);

    /// <summary>Plans every business's new occasions, sending nothing (run-nightly automatic-messages-plan: the planning benchmark, or an operator).</summary>
    public Task<int> PlanAllAsync() => EachAsync(send: false);

    private async Task<int> EachAsync(bool send)
    {
        var total = 0;
        await Parallel.ForEachAsync(await TenantDoors.MessageBusinessesAsync(db, CancellationToken.None),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (business, _) =>
            {
                using var scope = scopes.CreateScope();
                try
                {
                    var planned = await scope.ServiceProvider.GetRequiredService<PlanMessages>().PlanAsync(business, CancellationToken.None);
                    var done = send ? await scope.ServiceProvider.GetRequiredService<SendMessages>().SendDueAsync(business, CancellationToken.None) : planned;
                    Interlocked.Add(ref total, done);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Automatic messages failed in business {BusinessId}", business);
                }
            });
        return total;
    }
}
