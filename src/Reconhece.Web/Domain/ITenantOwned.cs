namespace Reconhece.Web.Domain;

/// <summary>Marks a row that belongs to one business. Tenancy/ filters and guards every such entity.</summary>
public interface ITenantOwned
{
    Guid BusinessId { get; set; }
}
