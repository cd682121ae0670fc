using Hangfire;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Features.Shared;
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
        var businesses = await TenantDoors.RetentionBusinessesAsync(db, CancellationToken.None);
        var years = businesses.ToDictionary(b => b.BusinessId, b => b.Years);
        return await current.ForEachAsync(years.Keys, async business =>
        {
            var before = clock.GetUtcNow().UtcDateTime.AddYears(-years[business]);
            var due = await db.Customers.Where(c => c.AnonymizedAt == null && (c.LastPurchaseAt ?? c.CreatedAt) < before)
                .OrderBy(c => c.LastPurchaseAt).Select(c => c.Id).Take(BatchSize).ToListAsync();
            foreach (var id in due)
                await anonymise.HandleAsync(id, block: false, userId: null, $"Prazo de guarda: {Format.Count(years[business], "ano", "anos")} sem compras", CancellationToken.None);
            if (due.Count > 0) log.LogInformation("Retention anonymised {Count} customers in business {BusinessId}", due.Count, business);
            return due.Count;
        }, log, "Retention");
    }
}
