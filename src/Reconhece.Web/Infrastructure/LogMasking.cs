namespace Reconhece.Web.Infrastructure;

/// <summary>What may appear in logs about a person: never a full phone number or email.</summary>
public static class LogMasking
{
    /// <summary>"+5511987654321" → "+5511*******21": country and area code, the last two digits, nothing more.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        if (digits.Length < 8) return new string('*', digits.Length);
        var keepStart = digits.Length >= 12 ? 4 : 2; // with country code: 55 + DDD; without: DDD
        return (phone.TrimStart().StartsWith('+') ? "+" : "") + digits[..keepStart]
            + new string('*', digits.Length - keepStart - 2) + digits[^2..];
    }

    /// <summary>"maria.souza@gmail.com" → "m***@gmail.com".</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }
}
