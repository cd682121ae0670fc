using Hangfire;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Privacy;

/// <summary>
/// Daily: in every business that set a retention period, customers with no purchase for that many years
/// are anonymised (off by default). Each one is audited ("Anonimização": "Prazo de guarda: N anos sem
/// compras"). Idempotent: an anonymised customer is not picked again.
/// </summary>
public sealed class ApplyRetention(AppDbContext db, CurrentBusiness current, AnonymiseCustomer anonymise, TimeProvider clock, ILogger<ApplyRetention> log)
{
    /// <summary>Per business and run, so a first run on a large old base spreads over a few nights.</summary>
    public const int BatchSize = 2_000;

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync()
    {
        var total = 0;
        foreach (var business in await TenantDoors.RetentionBusinessesAsync(db, CancellationToken.None))
        {
            try
            {
                using var scope = current.Use(business.BusinessId);
                var before = clock.GetUtcNow().UtcDateTime.AddYears(-business.Years);
                var due = await db.Customers.Where(c => c.AnonymizedAt == null && (c.LastPurchaseAt ?? c.CreatedAt) < before)
                    .OrderBy(c => c.LastPurchaseAt).Select(c => c.Id).Take(BatchSize).ToListAsync();
                foreach (var id in due)
                    await anonymise.HandleAsync(id, block: false, userId: null, $"Prazo de guarda: {business.Years} ano(s) sem compras", CancellationToken.None);
                if (due.Count > 0) log.LogInformation("Retention anonymised {Count} customers in business {BusinessId}", due.Count, business.BusinessId);
                total += due.Count;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One business's failure never stops the others; it is retried tomorrow.
                log.LogError(e, "Retention failed in business {BusinessId}", business.BusinessId);
            }
        }
        return total;
    }
}
