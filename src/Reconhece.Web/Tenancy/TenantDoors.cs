using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// The only ways to look across businesses. Each is a PostgreSQL function with SECURITY DEFINER and a
/// fixed search path, owned by the owner role (which alone may bypass the policies) and executable by
/// the app role; each answers one narrow question (each a file in Data/Functions; TenantWalls keeps PUBLIC out of them).
/// Everything else the app runs sees one business, or none.
/// </summary>
public static class TenantDoors
{
    public sealed record UserRef(Guid UserId, Guid BusinessId);

    /// <summary>Sign-in, password recovery and email uniqueness: whose account is this email (or this user id)?</summary>
    /// <remarks>The door answers one row at most (LIMIT 1); Single says so, where First made EF warn at every sign-in.</remarks>
    public static Task<UserRef?> FindUserAsync(AppDbContext db, string? normalizedEmail, Guid? userId, CancellationToken ct) =>
        db.Database.SqlQuery<UserRef>($"SELECT * FROM door_find_user({normalizedEmail}, {userId})").SingleOrDefaultAsync(ct)!;

    public sealed record WeeklyReportBusiness(Guid Id, string TimeZoneId, DateTime CreatedAt, int Weekday, int Hour, DateOnly? LastWeek)
    {
        public ReportSettings Schedule => new() { Weekday = (DayOfWeek)Weekday, Hour = Hour };
    }

    /// <summary>The weekly dispatcher: active businesses that want the weekly email, with their last weekly run.</summary>
    public static Task<List<WeeklyReportBusiness>> WeeklyReportBusinessesAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<WeeklyReportBusiness>($"SELECT * FROM door_weekly_report_businesses()").ToListAsync(ct);

    public sealed record RunRef(Guid BusinessId, Guid RunId);

    /// <summary>The weekly dispatcher: claims the unsent runs whose next attempt has come, moving it to <paramref name="leaseUntil"/>.</summary>
    public static Task<List<RunRef>> ClaimDueReportRetriesAsync(AppDbContext db, DateTime utcNow, DateTime leaseUntil, CancellationToken ct) =>
        db.Database.SqlQuery<RunRef>($"SELECT * FROM door_claim_report_retries({utcNow}, {leaseUntil})").ToListAsync(ct);

    public sealed record StuckRun(Guid BusinessId, string BusinessName, Guid RunId, DateOnly WeekStart, int Attempts, int Status, string? LastError, DateTime CreatedAt);

    /// <summary>The platform page: report runs that reached the attempt cap without being sent, in every business.</summary>
    public static Task<List<StuckRun>> StuckReportRunsAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<StuckRun>($"SELECT * FROM door_stuck_report_runs()").ToListAsync(ct);

    public sealed record InvariantViolation(Guid BusinessId, string BusinessName, string CheckName, string Detail);

    /// <summary>
    /// The nightly check, across businesses: balance = ledger sum, spend and visits = the purchases not
    /// reversed, eligible_since agrees with balance and goal, no report run stuck at its cap.
    /// </summary>
    public static Task<List<InvariantViolation>> InvariantViolationsAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<InvariantViolation>($"SELECT * FROM door_invariant_violations()").ToListAsync(ct);

    /// <summary>Retention: deletes the sessions that expired before <paramref name="before"/>, in every business.</summary>
    public static async Task<int> PurgeExpiredSessionsAsync(AppDbContext db, DateTime before, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>($"SELECT door_purge_expired_sessions({before}) AS \"Value\"").ToListAsync(ct)).Single();

    /// <summary>Retention: deletes the report PDFs of runs created before <paramref name="before"/>, in every business.</summary>
    public static async Task<int> PurgeReportFilesAsync(AppDbContext db, DateTime before, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>($"SELECT door_purge_report_files({before}) AS \"Value\"").ToListAsync(ct)).Single();

    /// <summary>The public programme page (/p/{slug}), before any sign-in: the business at that address, if active.</summary>
    public static async Task<Guid?> BusinessBySlugAsync(AppDbContext db, string slug, CancellationToken ct) =>
        (await db.Database.SqlQuery<Guid?>($"SELECT door_business_by_slug({slug}) AS \"Value\"").ToListAsync(ct)).Single();

    public sealed record CardCustomer(Guid BusinessId, int CardGeneration);

    /// <summary>The customer's card (/c/{token}), before any sign-in: the business and card generation of the customer a token names.</summary>
    public static Task<CardCustomer?> CardCustomerAsync(AppDbContext db, Guid customerId, CancellationToken ct) =>
        db.Database.SqlQuery<CardCustomer>($"SELECT * FROM door_card_customer({customerId})").FirstOrDefaultAsync(ct)!;

    public sealed record RetentionBusiness(Guid BusinessId, int Years);

    /// <summary>The daily retention job: businesses that anonymise customers after some years without a purchase.</summary>
    public static Task<List<RetentionBusiness>> RetentionBusinessesAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<RetentionBusiness>($"SELECT * FROM door_retention_businesses()").ToListAsync(ct);

    public sealed record ExpiryBusiness(Guid BusinessId, int Months);

    /// <summary>The daily points expiry job: businesses whose points expire after some months.</summary>
    public static Task<List<ExpiryBusiness>> ExpiryBusinessesAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<ExpiryBusiness>($"SELECT * FROM door_expiry_businesses()").ToListAsync(ct);

    /// <summary>The automatic messages' job: the active businesses with a trigger turned on.</summary>
    public static Task<List<Guid>> MessageBusinessesAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<Guid>($"SELECT door_message_businesses() AS \"Value\"").ToListAsync(ct);

    /// <summary>A WhatsApp status webhook, before any sign-in: the business whose number its phone-number id names.</summary>
    public static async Task<Guid?> WhatsAppBusinessAsync(AppDbContext db, string phoneNumberId, CancellationToken ct) =>
        (await db.Database.SqlQuery<Guid?>($"SELECT door_whatsapp_business({phoneNumberId}) AS \"Value\"").ToListAsync(ct)).Single();

    /// <summary>The nightly RFV job: every active business.</summary>
    public static Task<List<Guid>> SegmentBusinessesAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<Guid>($"SELECT door_segment_businesses() AS \"Value\"").ToListAsync(ct);
}
