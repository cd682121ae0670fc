namespace Reconhece.Web.Domain;

/// <summary>The programme's public page and retention (columns privacy_* on the business).</summary>
public class PrivacySettings
{
    public const int SlugMaxLength = 60;
    public const int PageTextMaxLength = 2000;
    public const int MaxRetentionYears = 20;

    /// <summary>The address of the public page: /p/{slug}. Unique across businesses.</summary>
    public string? Slug { get; set; }
    /// <summary>The owner's own words on the page (opening hours, how to reach the shop).</summary>
    public string? PageText { get; set; }
    /// <summary>Anonymise customers with no purchase for this many years; null is off (the default).</summary>
    public int? RetentionYears { get; set; }
}
