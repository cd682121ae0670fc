namespace Reconhece.Web.Domain;

/// <summary>
/// A contact with a customer from the Ações agenda or a group invitation: who made it, when, from which
/// list and by which channel. Whether it brought the customer back is measured from the purchases that
/// follow it, never stored.
/// </summary>
public class Contact : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>Who made it; null for a message that went out by itself (channel Automatic).</summary>
    public Guid? UserId { get; set; }
    public AgendaList List { get; set; }
    public ContactChannel Channel { get; set; }
    public DateTime At { get; set; }
    /// <summary>The form's key: a double-tapped "Contato feito" logs one contact.</summary>
    public Guid IdempotencyKey { get; set; }
}
