using PhoneNumbers;

namespace Reconhece.Web.Domain;

/// <summary>Why a typed number is not a Brazilian mobile; each has its own pt-BR message.</summary>
public enum PhoneProblem
{
    None,
    Empty,
    NotDigits,
    MissingDigits,
    /// <summary>Ten digits that look like a mobile typed before the ninth digit (2012–2016).</summary>
    MissingNinthDigit,
    ExtraDigits,
    Foreign,
    NotMobile,
    UnknownAreaCode,
}

/// <summary>
/// Brazilian mobile numbers: read from the forms people type (docs/DOMAIN: trunk 0, carrier code, +55),
/// stored as E.164 (+5511987654321), shown as (11) 98765-4321. A digit too many or too few is never
/// dropped or guessed. wwwroot/js/phone.js reads the prefixes by the same rules to format as one types.
/// </summary>
public static class BrazilianPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>DDD + 9-digit mobile.</summary>
    public const int NationalLength = 11;

    /// <summary>The E.164 number, or why there is none.</summary>
    public static (string E164, PhoneProblem Problem) Read(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return ("", PhoneProblem.Empty);
        var trimmed = input.Trim();
        // Digits, the separators people type, and the "xx" of "0xx11" that stands for the carrier code.
        if (trimmed.Length > 40 || trimmed.Any(ch => !char.IsAsciiDigit(ch) && !" ()-.+/xX".Contains(ch, StringComparison.Ordinal)))
            return ("", PhoneProblem.NotDigits);
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return ("", PhoneProblem.NotDigits);
        var national = NationalDigits(digits, trimmed.StartsWith('+'), out var foreign);
        if (foreign) return ("", PhoneProblem.Foreign);
        if (national.Length == 10 && national[2] is >= '2' and <= '5') return ("", PhoneProblem.NotMobile); // a landline
        if (national.Length < NationalLength)
            // 6–8 after the DDD: an old 8-digit mobile. A 9 there is as likely a mobile missing its last digit.
            return ("", national.Length == 10 && national[2] is >= '6' and <= '8' ? PhoneProblem.MissingNinthDigit : PhoneProblem.MissingDigits);
        if (national.Length > NationalLength) return ("", PhoneProblem.ExtraDigits);
        try
        {
            var number = Util.Parse("+55" + national, "BR");
            if (Util.IsValidNumberForRegion(number, "BR")
                && Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)
                return (Util.Format(number, PhoneNumberFormat.E164), PhoneProblem.None);
        }
        catch (NumberParseException)
        {
        }
        return ("", national[2] == '9' ? PhoneProblem.UnknownAreaCode : PhoneProblem.NotMobile);
    }

    /// <summary>
    /// The digits after the prefixes: "+55" or "55" (13 digits), the trunk "0", and the trunk with a
    /// 2-digit carrier code ("0 15 11 …", 14 digits). Whatever is left is kept whole, however long.
    /// </summary>
    private static string NationalDigits(string digits, bool plus, out bool foreign)
    {
        foreign = false;
        if (plus)
        {
            foreign = !digits.StartsWith("55", StringComparison.Ordinal);
            return foreign ? "" : digits[2..];
        }
        if (digits.StartsWith('0'))
        {
            var rest = digits[1..];
            return rest.Length >= NationalLength + 2 ? rest[2..] : rest;
        }
        return digits.Length == NationalLength + 2 && digits.StartsWith("55", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    /// <summary>True and the E.164 form when <paramref name="input"/> is a valid Brazilian mobile number.</summary>
    public static bool TryNormalizeMobile(string? input, out string e164)
    {
        (e164, var problem) = Read(input);
        return problem == PhoneProblem.None;
    }

    /// <summary>For a number typed without the ninth digit: the mobile it probably is, to look up and offer, never to use unasked.</summary>
    public static string? WithNinthDigit(string? input)
    {
        var digits = new string((input ?? "").Where(char.IsAsciiDigit).ToArray());
        var national = NationalDigits(digits, (input ?? "").TrimStart().StartsWith('+'), out var foreign);
        if (foreign || national.Length != 10 || national[2] < '6') return null; // 2–5 start a landline
        return TryNormalizeMobile(national[..2] + "9" + national[2..], out var e164) ? e164 : null;
    }

    /// <summary>"+5511987654321" → "(11) 98765-4321". Anything else is returned as it is.</summary>
    public static string Format(string? e164)
    {
        if (e164?.StartsWith("anon-", StringComparison.Ordinal) == true) return "anonimizado";   // LGPD: no number is left
        if (string.IsNullOrEmpty(e164) || !e164.StartsWith("+55", StringComparison.Ordinal)) return e164 ?? "";
        var national = e164[3..];
        return national.Length switch
        {
            11 => $"({national[..2]}) {national[2..7]}-{national[7..]}",
            10 => $"({national[..2]}) {national[2..6]}-{national[6..]}",
            _ => e164,
        };
    }

    /// <summary>Every way a stored number may be written: E.164, digits, the national digits, and as shown.</summary>
    public static IReadOnlyList<string> Spellings(string e164) =>
        [e164, e164[1..], e164[3..], Format(e164), $"{e164[3..5]} {e164[5..10]}-{e164[10..]}", $"{e164[5..10]}-{e164[10..]}", e164[5..]];
}
