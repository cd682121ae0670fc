using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Purchases;

/// <summary>What registering a purchase needs to know first: the program's rule, limits and row version
/// (PostgreSQL's xmin), the branch the person registers at, the business's zone, and the promotions that
/// have not ended (saving a promotion or changing the zone touches the program row through
/// <see cref="PurchaseContextCache.InvalidateAsync"/>, so its version covers them too).</summary>
public sealed record PurchaseContext(LoyaltyProgram Program, uint ProgramVersion, Guid? BranchId, TimeZoneInfo Zone, IReadOnlyList<Promotion> Promotions);

/// <summary>
/// Keeps each person's purchase context in memory so the hot path needs one database round trip, not
/// two. It is never trusted blindly: the purchase statement re-checks the program version and the
/// branch, and on any difference writes nothing, so the handler reloads and tries again. A rule changed
/// on another instance therefore applies to the very next purchase, as it does on this one.
/// </summary>
public sealed class PurchaseContextCache(TimeProvider clock, NpgsqlDataSource database)
{
    private const string Sql = """
        SELECT p.rule_kind, p.value_per_point, p.rounding, p.points_per_unit, p.goal,
               p.collect_name, p.collect_email, p.collect_birth_date, p.xmin,
               p.min_earning_amount, p.max_points_per_purchase, p.max_earning_purchases_per_day,
               (SELECT time_zone_id FROM businesses WHERE id = @business) AS zone,
               -- The promotions that have not ended, in the same round trip (PromotionRules reads them).
               (SELECT json_agg(json_build_object(
                    'Id', o.id, 'Name', o.name, 'StartsAt', to_char(o.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                    'EndsAt', to_char(o.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'Weekdays', o.weekdays,
                    'BranchIds', o.branch_ids, 'Benefit', o.benefit, 'BenefitValue', o.benefit_value, 'AboveAmount', o.above_amount,
                    'StepAmount', o.step_amount, 'MinAmount', o.min_amount, 'MinQuantity', o.min_quantity,
                    'Audience', o.audience, 'MaxUsesPerCustomer', o.max_uses_per_customer, 'MaxUsesPerDay', o.max_uses_per_day,
                    'BudgetPoints', o.budget_points))
                FROM promotions o WHERE o.business_id = @business AND o.stopped_at IS NULL AND o.ends_at > @now) AS promotions,
               (SELECT b.id FROM branches b
                 WHERE b.business_id = @business AND b.is_active
                   AND b.id = COALESCE(@requested, (SELECT u.branch_id FROM users u WHERE u.id = @user AND u.business_id = @business))) AS branch_id
        FROM loyalty_programs p WHERE p.business_id = @business
        """;

    /// <summary>
    /// Makes every cached context stale, on every instance: a change to what the context holds besides the
    /// program (a promotion, the business's time zone) touches the program's row, whose version the purchase
    /// statement re-checks. Call it inside the change's transaction.
    /// </summary>
    public static Task<int> InvalidateAsync(AppDbContext db, CancellationToken ct) =>
        db.Programs.ExecuteUpdateAsync(s => s.SetProperty(p => p.Goal, p => p.Goal), ct);

    private readonly ConcurrentDictionary<(Guid Business, Guid User, Guid? Requested), PurchaseContext> _entries = new();

    public async Task<PurchaseContext> GetAsync(Guid business, Guid user, Guid? requested, bool reload, CancellationToken ct)
    {
        var key = (business, user, requested);
        if (!reload && _entries.TryGetValue(key, out var cached)) return cached;
        var loaded = await LoadAsync(business, user, requested, ct);
        // A business with thousands of people is not this product's size; still, never grow without bound.
        if (_entries.Count > 50_000) _entries.Clear();
        _entries[key] = loaded;
        return loaded;
    }

    private async Task<PurchaseContext> LoadAsync(Guid business, Guid user, Guid? requested, CancellationToken ct)
    {
        await using var cmd = TenantSql.Command(database, business, Sql);
        cmd.Parameters.AddWithValue("business", business);
        cmd.Parameters.AddWithValue("user", user);
        // Ended promotions are left out; one that ends while cached is dropped by PromotionRules' window check.
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
        cmd.Parameters.Add(new NpgsqlParameter("requested", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)requested ?? DBNull.Value });
        LoyaltyProgram program;
        uint version;
        Guid? branch;
        string zone;
        List<Promotion> promotions;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) throw new InvalidOperationException("The business has no loyalty program.");
            program = new LoyaltyProgram
            {
                BusinessId = business, RuleKind = (PointRuleKind)r.GetInt32(0), ValuePerPoint = r.GetDecimal(1),
                Rounding = (PointRounding)r.GetInt32(2), PointsPerUnit = r.GetDecimal(3), Goal = r.GetDecimal(4),
                CollectName = r.GetBoolean(5), CollectEmail = r.GetBoolean(6), CollectBirthDate = r.GetBoolean(7),
                MinEarningAmount = r.IsDBNull(9) ? null : r.GetDecimal(9), MaxPointsPerPurchase = r.IsDBNull(10) ? null : r.GetDecimal(10),
                MaxEarningPurchasesPerDay = r.IsDBNull(11) ? null : r.GetInt32(11),
            };
            version = r.GetFieldValue<uint>(8);
            zone = r.GetString(12);
            promotions = r.IsDBNull(13) ? [] : JsonSerializer.Deserialize<List<Promotion>>(r.GetString(13))!;
            branch = r.IsDBNull(14) ? null : r.GetGuid(14);
        }
        return new PurchaseContext(program, version, branch, BrazilTimeZones.Find(zone), promotions);
    }
}
