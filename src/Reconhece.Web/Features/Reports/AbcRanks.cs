using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;

namespace Reconhece.Web.Features.Reports;

/// <summary>A customer's place in the ABC ranking, from the database function abc_classes.</summary>
public sealed record AbcRank(Guid CustomerId, long Rank, string Class, decimal ShareAfter);

/// <summary>
/// The ABC classes as every page reads them: the report, the export, a promotion's audience, the group
/// invitation "classe A" and the counter's hint all go through abc_classes / abc_class_of (Data/Functions),
/// one population and one tie-break; Domain/AbcClasses is their executable specification.
/// </summary>
public static class AbcRanks
{
    /// <summary>Every ranked customer of the business, best first.</summary>
    public static async Task<Dictionary<Guid, AbcRank>> LoadAsync(AppDbContext db, Guid business, CancellationToken ct) =>
        (await db.Database.SqlQuery<AbcRank>($"SELECT customer_id, rank, class, share_after FROM abc_classes({business})")
            .ToListAsync(ct)).ToDictionary(r => r.CustomerId);

    /// <summary>The ids of one class that may be drawn or invited, best first: anonymised customers are ranked but never listed.</summary>
    public static Task<List<Guid>> IdsAsync(AppDbContext db, Guid business, char klass, CancellationToken ct)
    {
        var k = klass.ToString();
        return db.Database.SqlQuery<Guid>($"""
            SELECT k.customer_id AS "Value" FROM abc_classes({business}) k
            JOIN customers c ON c.business_id = {business} AND c.id = k.customer_id
            WHERE k.class = {k} AND c.anonymized_at IS NULL ORDER BY k.rank
            """).ToListAsync(ct);
    }
}
