namespace Reconhece.Web.Domain;

/// <summary>
/// One closed local day of one branch's purchases, summed for Histórico (Features/History/HistoryDays):
/// what adds up (purchases, revenue, first purchases) and, so that distinct customers add up too, how many
/// customers made that day their first purchase of the month or of the week, in the whole business and at
/// this branch, and how many of those had bought before the period ("returning"). Summing a period's days
/// gives its distinct buyers without reading its purchases again.
/// </summary>
public class HistoryDay : ITenantOwned
{
    public Guid BusinessId { get; set; }
    public Guid BranchId { get; set; }
    public DateOnly Day { get; set; }
    public int Purchases { get; set; }
    public decimal Revenue { get; set; }
    public int NewCustomers { get; set; }
    public int MonthBuyers { get; set; }
    public int MonthReturning { get; set; }
    public int WeekBuyers { get; set; }
    public int WeekReturning { get; set; }
    public int BranchMonthBuyers { get; set; }
    public int BranchMonthReturning { get; set; }
    public int BranchWeekBuyers { get; set; }
    public int BranchWeekReturning { get; set; }
}
