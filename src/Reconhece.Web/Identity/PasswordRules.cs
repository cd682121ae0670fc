using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Identity;

/// <summary>
/// The password rule (ASVS 5.0 level 2): 8 to 128 characters, anything allowed (spaces, phrases, no
/// composition rules), but not one of the common passwords shipped with the app
/// (Identity/CommonPasswords, 11,000+ entries) and not containing the business's name or the person's email.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>Said next to every password field.</summary>
    public const string Hint = "Pelo menos 8 caracteres (até 128); frases e espaços valem. Não use senhas comuns, o nome do negócio nem o seu e-mail.";

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>How many common passwords the app knows (the shipped lists).</summary>
    public static int CommonCount => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    /// <summary>The pt-BR reasons a password is refused; empty when it is fine.</summary>
    public static IReadOnlyList<IdentityError> Check(string? password, string? email, string? businessName, IStringLocalizer<SharedResource> t)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length < MinLength)
            errors.Add(new() { Code = "PasswordTooShort", Description = t["A senha precisa ter pelo menos {0} caracteres.", MinLength] });
        else if (password.Length > MaxLength)
            errors.Add(new() { Code = "PasswordTooLong", Description = t["Use no máximo {0} caracteres na senha.", MaxLength] });
        else if (IsCommon(password))
            errors.Add(new() { Code = "PasswordCommon", Description = t["Esta senha é muito comum e fácil de adivinhar. Escolha outra."] });
        else if (Contains(password, businessName) || Contains(password, email) || Contains(password, email?.Split('@')[0]))
            errors.Add(new() { Code = "PasswordPersonal", Description = t["A senha não pode conter o nome do negócio nem o seu e-mail."] });
        return errors;
    }

    /// <summary>"Sorveteria da Ana" is in "sorveteriadaana2024!"; parts shorter than 4 letters are ignored.</summary>
    private static bool Contains(string password, string? part)
    {
        var p = Simplify(part);
        return p.Length >= 4 && Simplify(password).Contains(p, StringComparison.Ordinal);
    }

    private static string Simplify(string? text)
    {
        return string.Concat(PlainText.Fold(text).Where(char.IsLetterOrDigit));
    }

    private static HashSet<string> LoadCommon()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var assembly = typeof(PasswordRules).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains("CommonPasswords", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            while (reader.ReadLine() is { } line)
                if (line.Trim().Length > 0) set.Add(line.Trim().ToLowerInvariant());
        }
        return set;
    }
}

/// <summary>Identity runs this on every new or changed password (sign-up, staff, reset).</summary>
public sealed class AppPasswordValidator(AppDbContext db, IStringLocalizer<SharedResource> t) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var business = await db.Businesses.Where(b => b.Id == user.BusinessId).Select(b => b.Name).FirstOrDefaultAsync();
        var errors = PasswordRules.Check(password, user.Email, business, t);
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}
