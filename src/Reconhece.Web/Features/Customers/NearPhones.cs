using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Customers;

/// <summary>
/// Typos of a mobile number staff make at the counter: one digit changed, or two neighbours swapped. The
/// purchase statement probes these (about 100) by the unique phone index, only when the phone typed is new.
/// </summary>
public static class NearPhones
{
    /// <summary>Every valid-looking mobile one typo away from <paramref name="e164"/> (+55 DDD 9XXXX-XXXX).</summary>
    public static string[] Variants(string e164)
    {
        var national = e164[3..].ToCharArray();
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < national.Length; i++)
        {
            if (i == 2) continue;              // the mobile's leading 9 stays: another digit is not a mobile
            var original = national[i];
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == original || (i == 0 && d == '0')) continue;   // no DDD starts with 0
                national[i] = d;
                found.Add("+55" + new string(national));
            }
            national[i] = original;
        }
        for (var i = 0; i + 1 < national.Length; i++)
        {
            if (national[i] == national[i + 1] || i + 1 == 2 || i == 2) continue;
            (national[i], national[i + 1]) = (national[i + 1], national[i]);
            found.Add("+55" + new string(national));
            (national[i], national[i + 1]) = (national[i + 1], national[i]);
        }
        return [.. found];
    }

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
