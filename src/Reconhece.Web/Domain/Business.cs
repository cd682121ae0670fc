namespace Reconhece.Web.Domain;

/// <summary>A business (the tenant): a shop, a salon, a service provider. Everything else hangs off it.</summary>
public class Business
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string TimeZoneId { get; set; } = BrazilTimeZones.Default;
    public string Culture { get; set; } = "pt-BR";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    /// <summary>The local days [HistoryFrom, HistoryThrough) whose <see cref="HistoryDay"/> rows are complete; null: none yet.</summary>
    public DateOnly? HistoryFrom { get; set; }
    public DateOnly? HistoryThrough { get; set; }
    public ReportSettings Reports { get; set; } = new();
    public AgendaSettings Agenda { get; set; } = new();
    public PrivacySettings Privacy { get; set; } = new();
    public MessageSettings Messages { get; set; } = new();
    public WhatsAppChannel WhatsApp { get; set; } = new();
}
