using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// The current business as a request or a job sees it: its id, name, time zone, loyalty program and report,
/// agenda, privacy and message settings and WhatsApp number, read once per scope through <see cref="AppDbContext.BusinessAsync"/> instead of a lookup of
/// the zone or the program in every handler. A snapshot for reading (not tracked): a handler that changes the
/// program or the business loads that row itself, and any SaveChanges forgets the snapshot.
/// </summary>
public sealed record BusinessContext(Guid Id, string Name, TimeZoneInfo Zone, LoyaltyProgram Program, ReportSettings Reports, AgendaSettings Agenda,
    PrivacySettings Privacy, MessageSettings Messages, WhatsAppChannel WhatsApp)
{
    internal static async Task<BusinessContext> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var business = await db.Businesses.AsNoTracking().SingleAsync(ct);
        var program = await db.Programs.AsNoTracking().SingleAsync(ct);
        return new BusinessContext(business.Id, business.Name, BrazilTimeZones.Find(business.TimeZoneId), program, business.Reports, business.Agenda, business.Privacy, business.Messages, business.WhatsApp);
    }
}
