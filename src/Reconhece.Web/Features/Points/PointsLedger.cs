using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Points;

/// <summary>A change to a customer's points, with the totals it also moves.</summary>
public sealed record LedgerMove(Guid CustomerId, LedgerKind Kind, decimal Points)
{
    public decimal LifetimePoints { get; init; }
    public decimal Spend { get; init; }
    public int Visits { get; init; }
    public Guid? UserId { get; init; }
    public Guid? PurchaseId { get; init; }
    public Guid? RecognitionId { get; init; }
    public string? Reason { get; init; }
    public Guid? IdempotencyKey { get; init; }
    /// <summary>Only apply when the balance is at least this (a recognition needs the goal reached).</summary>
    public decimal? RequireBalanceAtLeast { get; init; }
    /// <summary>A recognition starts the eligibility clock again for whatever excess remains.</summary>
    public bool RestartEligibility { get; init; }
}

public enum LedgerOutcome { Applied, Duplicate, BalanceTooLow }

/// <summary>
/// Moves points and appends the ledger entry in one SQL statement, so the stored balance always equals
/// the ledger's sum and concurrent moves never lose points (the UPDATE locks the customer row).
/// Runs inside the caller's transaction. Every statement carries business_id from CurrentBusiness:
/// raw SQL does not pass through the tenant filter.
/// </summary>
public sealed class PointsLedger(AppDbContext db, CurrentBusiness current, TimeProvider clock)
{
    private static readonly string Sql = PointsSql.LedgerMove;

    /// <summary>Applies the move. On anything but Applied the caller must roll its transaction back.</summary>
    public async Task<(LedgerOutcome Outcome, decimal Balance)> ApplyAsync(LedgerMove move, decimal goal, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("PointsLedger runs inside a transaction.");
        await using var cmd = TenantSql.Command(db, Sql);
        var p = cmd.Parameters;
        p.AddWithValue("points", move.Points);
        p.AddWithValue("lifetime", move.LifetimePoints);
        p.AddWithValue("spend", move.Spend);
        p.AddWithValue("visits", move.Visits);
        p.AddWithValue("goal", goal);
        p.AddWithValue("restart", move.RestartEligibility);
        p.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
        p.AddWithValue("customer", move.CustomerId);
        p.AddWithValue("business", current.RequiredId);
        p.AddWithValue("minimum", move.RequireBalanceAtLeast ?? decimal.MinValue / 10);
        p.AddWithValue("kind", (int)move.Kind);
        p.AddWithValue("user", (object?)move.UserId ?? DBNull.Value);
        p.AddWithValue("purchase", (object?)move.PurchaseId ?? DBNull.Value);
        p.AddWithValue("recognition", (object?)move.RecognitionId ?? DBNull.Value);
        p.AddWithValue("reason", (object?)move.Reason ?? DBNull.Value);
        p.Add(new NpgsqlParameter("key", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)move.IdempotencyKey ?? DBNull.Value });
        var result = await cmd.ExecuteScalarAsync(ct);
        if (result is decimal balance) return (LedgerOutcome.Applied, balance);
        var duplicate = move.IdempotencyKey is { } key && await db.Ledger.AnyAsync(l => l.IdempotencyKey == key, ct);
        return (duplicate ? LedgerOutcome.Duplicate : LedgerOutcome.BalanceTooLow, 0m);
    }
}
