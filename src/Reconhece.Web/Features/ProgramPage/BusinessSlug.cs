using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.ProgramPage;

/// <summary>The public page's address: the business name in plain letters and a short random tail ("sorveteria-bella-k3x9q2").</summary>
public static class BusinessSlug
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string For(string businessName)
    {
        var plain = string.Concat(PlainText.Fold(businessName).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        var words = string.Join('-', plain.Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (words.Length == 0) words = "loja";
        if (words.Length > PrivacySettings.SlugMaxLength - 7) words = words[..(PrivacySettings.SlugMaxLength - 7)].TrimEnd('-');
        var tail = string.Create(6, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });
        return words + "-" + tail;
    }
}
