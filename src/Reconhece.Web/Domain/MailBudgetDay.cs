namespace Reconhece.Web.Domain;

/// <summary>
/// Mail sent on one business's behalf, on one UTC day, to addresses that are not its confirmed people
/// (report invitations): counted in the database so the daily budget holds across app instances, and
/// Reconhece cannot be used as a relay (Features/Reports/ReportRecipients; docs/customer-card.md).
/// </summary>
public class MailBudgetDay : ITenantOwned
{
    public Guid BusinessId { get; set; }
    public DateOnly Day { get; set; }
    public int Sent { get; set; }
}
