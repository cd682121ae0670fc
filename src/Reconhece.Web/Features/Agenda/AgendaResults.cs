using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Agenda;

/// <summary>Contacts made, how many came back within the window, and what they spent then.</summary>
public sealed record ContactTally(int Contacts, int CameBack, decimal Revenue)
{
    public int RatePercent => Contacts == 0 ? 0 : (int)Math.Round(100m * CameBack / Contacts, MidpointRounding.AwayFromZero);
}

/// <summary>The tallies per list and per staff member, and in all.</summary>
public sealed record AgendaResults(int Days, int ConversionDays, ContactTally Total,
    IReadOnlyList<(AgendaList List, ContactTally Tally)> ByList, IReadOnlyList<(string? Person, ContactTally Tally)> ByPerson);

/// <summary>
/// Whether contacting worked: a contact counts as converted when the customer bought (a purchase not
/// reversed) within the owner's window after it, with the R$ of those purchases. Nothing is stored: it
/// is read from the contacts and the purchases, so a reversal changes the result too. This is a
/// measure, not proof of cause (promotions bring a control group).
/// </summary>
public static class AgendaResultsQuery
{
    private sealed record Row(int List, Guid? UserId, int Contacts, int CameBack, decimal Revenue);

    /// <summary>The contacts of the last <paramref name="days"/> days; with <paramref name="onlyUser"/>, only that person's.</summary>
    public static async Task<AgendaResults> LoadAsync(AppDbContext db, Guid businessId, int conversionDays, DateTime utcNow, int days, Guid? onlyUser, CancellationToken ct)
    {
        var since = utcNow.AddDays(-days);
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT ct.list, ct.user_id, count(*)::int AS contacts, count(b.spent)::int AS came_back, COALESCE(sum(b.spent), 0) AS revenue
            FROM contacts ct
            LEFT JOIN LATERAL (
                SELECT sum(COALESCE(p.amount, 0)) AS spent FROM purchases p
                WHERE p.business_id = ct.business_id AND p.customer_id = ct.customer_id AND p.reversed_at IS NULL
                  AND p.at > ct.at AND p.at <= ct.at + make_interval(days => {conversionDays})
                HAVING count(*) > 0) b ON true
            WHERE ct.business_id = {businessId} AND ct.at >= {since} AND ({onlyUser}::uuid IS NULL OR ct.user_id = {onlyUser})
            GROUP BY ct.list, ct.user_id
            """).ToListAsync(ct);
        var ids = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
        var people = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
        static ContactTally Sum(IEnumerable<Row> rs) => new(rs.Sum(r => r.Contacts), rs.Sum(r => r.CameBack), rs.Sum(r => r.Revenue));
        return new AgendaResults(days, conversionDays, Sum(rows),
            rows.GroupBy(r => (AgendaList)r.List).OrderBy(g => g.Key).Select(g => (g.Key, Sum(g))).ToList(),
            // A null person is the automatic messages (issue 23): the view names them.
            rows.GroupBy(r => r.UserId).Select(g => (g.Key is null ? null : people.FirstOrDefault(p => p.Id == g.Key)?.FullName ?? "—", Sum(g)))
                .OrderByDescending(x => x.Item2.Contacts).ToList());
    }
}
