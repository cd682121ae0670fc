using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.History;

/// <summary>
/// One calendar in two languages: Periods.LocalDay / Periods.DayStart in C# and local_day / local_day_start in
/// SQL agree around midnight, at month ends, in every Brazilian zone, and across São Paulo's last
/// daylight-saving period (04/11/2018 skipped its midnight; 17/02/2019 repeated the hour before it).
/// </summary>
public sealed class CalendarTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Zones = ["America/Sao_Paulo", "America/Manaus", "America/Rio_Branco", "America/Noronha"];

    private static IEnumerable<DateTime> Instants()
    {
        DateTime[] anchors =
        [
            new(2026, 11, 30, 23, 0, 0), new(2026, 12, 31, 23, 0, 0), new(2027, 2, 28, 23, 0, 0), new(2028, 2, 29, 23, 0, 0),
            new(2018, 11, 3, 23, 0, 0), new(2018, 11, 4, 0, 0, 0), new(2019, 2, 16, 22, 0, 0), new(2019, 2, 17, 0, 0, 0),
        ];
        // Every 20 minutes for 8 hours from each anchor (UTC): the local midnights of all four zones fall inside.
        return anchors.SelectMany(a => Enumerable.Range(0, 25).Select(i => DateTime.SpecifyKind(a.AddMinutes(20 * i), DateTimeKind.Utc)));
    }

    private static IEnumerable<DateOnly> Days() =>
    [
        new(2026, 12, 1), new(2026, 12, 31), new(2027, 1, 1), new(2027, 3, 1), new(2028, 2, 29),
        new(2018, 11, 3), new(2018, 11, 4), new(2018, 11, 5), new(2019, 2, 16), new(2019, 2, 17),
    ];

    [Fact]
    public async Task The_local_day_of_an_instant_is_the_same_in_CSharp_and_SQL()
    {
        var grid = Zones.SelectMany(z => Instants().Select(t => (Zone: z, At: t))).ToList();
        var sql = await app.AsAdminAsync(async db =>
        {
            var answers = new List<DateOnly>();
            foreach (var (zone, at) in grid)
                answers.Add((await db.Database.SqlQuery<DateOnly>($"SELECT local_day({at}, {zone}) AS \"Value\"").ToListAsync()).Single());
            return answers;
        });

        Assert.Equal(grid.Select(g => Periods.LocalDay(g.At, BrazilTimeZones.Find(g.Zone))), sql);
        Assert.True(sql.Distinct().Count() > 10);
    }

    [Fact]
    public async Task The_start_of_a_local_day_is_the_same_in_CSharp_and_SQL_even_when_daylight_saving_skipped_its_midnight()
    {
        var grid = Zones.SelectMany(z => Days().Select(d => (Zone: z, Day: d))).ToList();
        var sql = await app.AsAdminAsync(async db =>
        {
            var answers = new List<DateTime>();
            foreach (var (zone, day) in grid)
                answers.Add((await db.Database.SqlQuery<DateTime>($"SELECT local_day_start({day}, {zone}) AS \"Value\"").ToListAsync()).Single());
            return answers;
        });

        Assert.Equal(grid.Select(g => Periods.DayStart(g.Day, BrazilTimeZones.Find(g.Zone))), sql);
        // São Paulo's 04/11/2018 began at 01:00 (−02): 03:00 UTC, the first instant that day had.
        Assert.Equal(new DateTime(2018, 11, 4, 3, 0, 0, DateTimeKind.Utc), Periods.DayStart(new DateOnly(2018, 11, 4), BrazilTimeZones.Find("America/Sao_Paulo")));
    }
}
