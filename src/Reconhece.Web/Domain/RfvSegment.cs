namespace Reconhece.Web.Domain;

/// <summary>
/// The RFV segments (docs/segments.md), in the order the page lists them. The rules, and the order they
/// are tried in, are SQL (Features/Segments/RecomputeSegments), the one place they are written.
/// </summary>
public enum RfvSegment
{
    Champions = 1,
    Loyal = 2,
    New = 3,
    Promising = 4,
    NeedAttention = 5,
    AtRisk = 6,
    Hibernating = 7,
    Lost = 8,
}
