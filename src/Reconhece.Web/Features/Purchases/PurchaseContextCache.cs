using System.Collections.Concurrent;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Purchases;

/// <summary>What registering a purchase needs to know first: the program's rule and its row version
/// (PostgreSQL's xmin), and the branch the person registers at.</summary>
public sealed record PurchaseContext(LoyaltyProgram Program, uint ProgramVersion, Guid? BranchId);

/// <summary>
/// Keeps each person's purchase context in memory so the hot path needs one database round trip, not
/// two. It is never trusted blindly: the purchase statement re-checks the program version and the
/// branch, and on any difference writes nothing, so the handler reloads and tries again. A rule changed
/// on another instance therefore applies to the very next purchase, as it does on this one.
/// </summary>
public sealed class PurchaseContextCache
{
    private const string Sql = """
        SELECT p.rule_kind, p.value_per_point, p.rounding, p.points_per_unit, p.goal,
               p.collect_name, p.collect_email, p.collect_birth_date, p.xmin,
               (SELECT b.id FROM branches b
                 WHERE b.business_id = @business AND b.is_active
                   AND b.id = COALESCE(@requested, (SELECT u.branch_id FROM users u WHERE u.id = @user AND u.business_id = @business))) AS branch_id
        FROM loyalty_programs p WHERE p.business_id = @business
        """;

    private readonly ConcurrentDictionary<(Guid Business, Guid User, Guid? Requested), PurchaseContext> _entries = new();

    public async Task<PurchaseContext> GetAsync(AppDbContext db, Guid business, Guid user, Guid? requested, bool reload, CancellationToken ct)
    {
        var key = (business, user, requested);
        if (!reload && _entries.TryGetValue(key, out var cached)) return cached;
        var loaded = await LoadAsync(db, business, user, requested, ct);
        // A business with thousands of people is not this product's size; still, never grow without bound.
        if (_entries.Count > 50_000) _entries.Clear();
        _entries[key] = loaded;
        return loaded;
    }

    private static async Task<PurchaseContext> LoadAsync(AppDbContext db, Guid business, Guid user, Guid? requested, CancellationToken ct)
    {
        await using var cmd = TenantSql.Command(db, Sql);
        cmd.Parameters.AddWithValue("business", business);
        cmd.Parameters.AddWithValue("user", user);
        cmd.Parameters.Add(new NpgsqlParameter("requested", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)requested ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException("The business has no loyalty program.");
        var program = new LoyaltyProgram
        {
            BusinessId = business, RuleKind = (PointRuleKind)r.GetInt32(0), ValuePerPoint = r.GetDecimal(1),
            Rounding = (PointRounding)r.GetInt32(2), PointsPerUnit = r.GetDecimal(3), Goal = r.GetDecimal(4),
            CollectName = r.GetBoolean(5), CollectEmail = r.GetBoolean(6), CollectBirthDate = r.GetBoolean(7),
        };
        return new PurchaseContext(program, r.GetFieldValue<uint>(8), r.IsDBNull(9) ? null : r.GetGuid(9));
    }
}
