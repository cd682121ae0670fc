using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Customers;

/// <summary>
/// Typos of a mobile number staff make at the counter: one digit changed, or two neighbours swapped. The
/// list is the database function near_phones (Data/Functions/near_phones.sql), which purchase.sql probes by
/// the unique phone index only when the phone typed is new; here, whether a near match may be the same person.
/// </summary>
public static class NearPhones
{
    /// <summary>
    /// Whether two names may be one person: either is missing, or the first names agree, accents and case
    /// aside ("Maria" and "maria silva", "José" and "Jose").
    /// </summary>
    public static bool NamesMatch(string? typed, string? stored)
    {
        var a = FirstName(typed);
        var b = FirstName(stored);
        return a.Length == 0 || b.Length == 0 || a == b;
    }

    private static string FirstName(string? name) =>
        PlainText.Fold(name).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";
}
