using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Reports;

/// <summary>Creating the one weekly run of a (business, week), shared by the dispatcher and "Enviar agora".</summary>
public static class WeeklyRuns
{
    /// <summary>
    /// Inserts the weekly run unless it exists; returns its id, or null when another dispatcher or request
    /// got there first. <paramref name="lease"/> is when the dispatcher may pick it up if its job is lost.
    /// Raw SQL skips the tenant filter, so the business id is always given explicitly.
    /// </summary>
    public static async Task<Guid?> CreateAsync(AppDbContext db, Guid businessId, DateOnly week, DateTime utcNow, TimeSpan lease, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO report_runs (id, business_id, week_start, is_weekly, status, created_at, attempts, next_attempt_at, message_id,
                                     new_customers, eligible_customers, inactive_customers)
            VALUES ({id}, {businessId}, {week}, true, {(int)ReportRunStatus.Pending}, {utcNow}, 0, {utcNow + lease}, {MessageIdFor(id)}, 0, 0, 0)
            ON CONFLICT (business_id, week_start) WHERE is_weekly DO NOTHING
            """, ct);
        return inserted == 1 ? id : null;
    }

    /// <summary>Every attempt of a run sends the same Message-ID, so mail programs can tell a resend is the same email.</summary>
    public static string MessageIdFor(Guid runId) => $"relatorio-{runId:N}@reconhece.app";

    /// <summary>
    /// Each recipient gets a message of their own (its own "parar" link): the run's Message-ID with a short
    /// digest of the address before the '@', the same on every attempt, so a resend to that person is still
    /// recognisably the same email (relatorio-RUN.DIGEST@reconhece.app).
    /// </summary>
    public static string MessageIdFor(string runMessageId, string address)
    {
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address.ToLowerInvariant())))[..8].ToLowerInvariant();
        var at = runMessageId.IndexOf('@', StringComparison.Ordinal);
        return $"{runMessageId[..at]}.{digest}{runMessageId[at..]}";
    }
}
