using System.Globalization;
using System.Text;

namespace Reconhece.Web.Domain;

/// <summary>Text compared the way people read it: lower case, accents aside ("José" and "jose" are one name).</summary>
public static class PlainText
{
    public static string Fold(string? text)
    {
        var sb = new StringBuilder();
        foreach (var ch in (text ?? "").Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }
}
