using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Dashboard;

public sealed record PeriodFigures(int NewCustomers, int ReturningCustomers, int Purchases, decimal Revenue)
{
    public decimal AverageTicket => Purchases == 0 ? 0m : Math.Round(Revenue / Purchases, 2);
}

public sealed record TopCustomer(Guid Id, string? Name, string Phone, decimal LifetimePoints, decimal LifetimeSpend, int Visits);

public sealed record DashboardView(
    string BusinessName, string UserName,
    PeriodFigures Week, PeriodFigures PreviousWeek, PeriodFigures Month, PeriodFigures PreviousMonth,
    Period WeekSoFar, Period PreviousWeekSpan, Period MonthSoFar, Period PreviousMonthSpan,
    int EligibleNow, int Inactive, int BecameInactiveThisWeek, int InactivityDays, int TotalCustomers,
    IReadOnlyList<TopCustomer> Top, TimeZoneInfo Zone, Agenda.AgendaResults Contacts)
{
    /// <summary>Today so far, in the business's zone: the "Hoje" strip.</summary>
    public PeriodFigures Today { get; init; } = new(0, 0, 0, 0m);
    public int GiftsToday { get; init; }
    public SetupChecklist? Setup { get; init; }
    public IReadOnlyList<Agenda.AgendaAction> ContactToday { get; init; } = [];
}

/// <summary>The owner's Painel: the seed's questions answered at a glance.</summary>
public static class DashboardQuery
{
    public static async Task<DashboardView> LoadAsync(AppDbContext db, string userName, DateTime utcNow, CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        var (zone, program) = (business.Zone, business.Program);
        // This week and month so far, each against the same stretch of the one before.
        var week = Periods.WeekOf(utcNow, zone) with { End = utcNow };
        var month = Periods.MonthOf(utcNow, zone) with { End = utcNow };
        var weekBefore = Periods.SameSpanBefore(Periods.WeekOf(utcNow, zone), utcNow, zone, month: false);
        var monthBefore = Periods.SameSpanBefore(Periods.MonthOf(utcNow, zone), utcNow, zone, month: true);
        var today = new Period(Periods.DayStart(Periods.LocalDay(utcNow, zone), zone), utcNow);
        var inactive = Inactivity.Customers(utcNow, program.InactivityDays);
        var inactiveAWeekAgo = Inactivity.Cutoff(utcNow.AddDays(-7), program.InactivityDays);

        var top = await db.Customers.Where(c => c.Visits > 0).OrderByDescending(c => c.LifetimePoints).ThenByDescending(c => c.LifetimeSpend).Take(10)
            .Select(c => new TopCustomer(c.Id, c.Name, c.Phone, c.LifetimePoints, c.LifetimeSpend, c.Visits)).ToListAsync(ct);

        return new DashboardView(business.Name, userName,
            await FiguresAsync(db, week, ct), await FiguresAsync(db, weekBefore, ct),
            await FiguresAsync(db, month, ct), await FiguresAsync(db, monthBefore, ct),
            week, weekBefore, month, monthBefore,
            EligibleNow: await db.Customers.CountAsync(c => Goal.IsReached(c.Balance, program.Goal), ct),
            Inactive: await db.Customers.CountAsync(inactive, ct),
            // Inactive now but not a week ago: their last purchase fell past the threshold in the last 7 days.
            BecameInactiveThisWeek: await db.Customers.Where(inactive).CountAsync(c => c.LastPurchaseAt >= inactiveAWeekAgo, ct),
            program.InactivityDays,
            TotalCustomers: await db.Customers.CountAsync(c => c.Visits > 0, ct),
            top, zone, await Agenda.AgendaResultsQuery.LoadAsync(db, business.Id, business.Agenda.ConversionDays, utcNow, Agenda.AgendaController.ResultsDays, null, ct))
        {
            Today = await FiguresAsync(db, today, ct),
            GiftsToday = await db.Recognitions.CountAsync(r => r.At >= today.Start && r.At < today.End, ct),
        };
    }

    /// <summary>Purchases, revenue, new and returning customers of a period: the Painel's cards and the weekly "Sua semana" count alike.</summary>
    public static async Task<PeriodFigures> FiguresAsync(AppDbContext db, Period p, CancellationToken ct)
    {
        var purchases = db.Purchases.Where(x => x.ReversedAt == null && x.At >= p.Start && x.At < p.End);
        var totals = await purchases.GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(), Revenue = g.Sum(x => x.Amount) ?? 0m, Customers = g.Select(x => x.CustomerId).Distinct().Count(),
                // A new customer in a period: their first purchase that counts is in it (the flag, as Histórico counts it).
                New = g.Count(x => x.WasNewCustomer),
            })
            .FirstOrDefaultAsync(ct);
        return totals is null
            ? new PeriodFigures(0, 0, 0, 0m)
            : new PeriodFigures(totals.New, Math.Max(0, totals.Customers - totals.New), totals.Count, totals.Revenue);
    }
}
