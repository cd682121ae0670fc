using PhoneNumbers;

namespace Reconhece.Web.Domain;

/// <summary>
/// Brazilian mobile numbers: accepted in any common form, stored as E.164 (+5511987654321),
/// shown as (11) 98765-4321. libphonenumber knows which area codes (DDD) exist.
/// </summary>
public static class BrazilianPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>True and the E.164 form when <paramref name="input"/> is a valid Brazilian mobile number.</summary>
    public static bool TryNormalizeMobile(string? input, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40) return false;
        var trimmed = input.Trim();
        var digits = new string(trimmed.Where(char.IsDigit).ToArray());
        string candidate;
        if (trimmed.StartsWith('+')) candidate = "+" + digits;
        else
        {
            var withoutZeros = digits.TrimStart('0');
            if (withoutZeros.Length is 12 or 13 && withoutZeros.StartsWith("55", StringComparison.Ordinal))
                candidate = "+" + withoutZeros;                 // 55 11 98765-4321
            else if (withoutZeros.Length is 12 or 13 && digits.StartsWith('0'))
                candidate = withoutZeros[2..];                  // 0 + carrier code: 015 11 98765-4321
            else
                candidate = withoutZeros;                       // 11 98765-4321, 011 98765-4321
        }
        try
        {
            var number = Util.Parse(candidate, "BR");
            if (number.CountryCode != 55 || !Util.IsValidNumberForRegion(number, "BR")) return false;
            if (Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)) return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>"+5511987654321" → "(11) 98765-4321". Anything else is returned as it is.</summary>
    public static string Format(string? e164)
    {
        if (string.IsNullOrEmpty(e164) || !e164.StartsWith("+55", StringComparison.Ordinal)) return e164 ?? "";
        var national = e164[3..];
        return national.Length switch
        {
            11 => $"({national[..2]}) {national[2..7]}-{national[7..]}",
            10 => $"({national[..2]}) {national[2..6]}-{national[6..]}",
            _ => e164,
        };
    }
}
