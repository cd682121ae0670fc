namespace Reconhece.Web.Domain;

public enum CustomerImportStatus { Preview = 0, Done = 1 }

/// <summary>
/// A CSV of customers: uploaded (the file is kept only while the owner looks at the preview), then
/// imported once. The file's SHA-256 refuses the same file a second time; the content is dropped on import.
/// </summary>
public class CustomerImport : ITenantOwned
{
    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required byte[] FileHash { get; set; }
    public string? FileName { get; set; }
    /// <summary>The uploaded file while it waits for confirmation; null once imported.</summary>
    public byte[]? Content { get; set; }
    public CustomerImportStatus Status { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
    public DateTime? ImportedAt { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Rejected { get; set; }
    public decimal Points { get; set; }
}
