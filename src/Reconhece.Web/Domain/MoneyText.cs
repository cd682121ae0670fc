using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconhece.Web.Domain;

/// <summary>Reads what staff type in an amount field: "45,90", "1.234,56", "R$ 45", "45.90".</summary>
public static partial class MoneyText
{
    public static bool TryParseReais(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30) return false;
        // "R$ 45,90" and stray spaces around are fine; "4 5" is not a number.
        var s = text.Replace("R$", "", StringComparison.OrdinalIgnoreCase).Trim().Trim('\u00A0').Trim();
        if (PtBr().IsMatch(s)) s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        else if (Thousands().IsMatch(s)) s = s.Replace(".", "", StringComparison.Ordinal);
        else if (!DecimalPoint().IsMatch(s)) return false;
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whole number typed in a quantity field ("2", " 12 ").</summary>
    public static bool TryParseQuantity(string? text, out int value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text) && WholeNumber().IsMatch(text.Trim())
            && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    // 1.234,56 · 1234,5 · 45
    [GeneratedRegex(@"^(\d{1,3}(\.\d{3})+|\d+),\d{1,2}$|^\d+$")]
    private static partial Regex PtBr();

    // 1.234 · 12.345.678 (thousands only)
    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex Thousands();

    // 45.90 · 45.9
    [GeneratedRegex(@"^\d+\.\d{1,2}$")]
    private static partial Regex DecimalPoint();

    [GeneratedRegex(@"^\d{1,6}$")]
    private static partial Regex WholeNumber();
}
