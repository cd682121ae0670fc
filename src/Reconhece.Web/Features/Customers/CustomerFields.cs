using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Customers;

/// <summary>The optional customer fields, as typed. Only those the business collects are kept (LGPD: the minimum).</summary>
public sealed class CustomerFieldsInput
{
    [Display(Name = "Nome")]
    public string? Name { get; set; }

    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [Display(Name = "Data de nascimento")]
    public string? BirthDate { get; set; }
}

public sealed record CustomerFieldValues(string? Name, string? Email, DateOnly? BirthDate);

public static class CustomerFields
{
    private static readonly EmailAddressAttribute EmailCheck = new();
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>Checks the fields the business collects and returns clean values (null for what it does not collect).</summary>
    public static CustomerFieldValues Validate(CustomerFieldsInput input, LoyaltyProgram program, IStringLocalizer t, FormErrors errors, string prefix)
    {
        string? name = null, email = null;
        DateOnly? birth = null;
        if (program.CollectName && !string.IsNullOrWhiteSpace(input.Name))
        {
            name = string.Join(' ', input.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (name.Length > 120) errors.Add(prefix + nameof(input.Name), t["Use no máximo {0} caracteres.", 120]);
            else if (name.IndexOfAny(['<', '>', '{', '}', '\\']) >= 0 || name.Any(char.IsControl))
                errors.Add(prefix + nameof(input.Name), t["Use apenas letras, números e pontuação comum no nome."]);
        }
        if (program.CollectEmail && !string.IsNullOrWhiteSpace(input.Email))
        {
            email = input.Email.Trim();
            if (email.Length > 200 || !EmailCheck.IsValid(email) || email.Contains(' ', StringComparison.Ordinal))
                errors.Add(prefix + nameof(input.Email), t["Informe um e-mail válido."]);
        }
        if (program.CollectBirthDate && !string.IsNullOrWhiteSpace(input.BirthDate))
        {
            if (!DateOnly.TryParseExact(input.BirthDate.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || date.Year < 1900 || date > DateOnly.FromDateTime(DateTime.UtcNow))
                errors.Add(prefix + nameof(input.BirthDate), t["Data de nascimento inválida. Use dd/mm/aaaa, ex.: 25/12/1980."]);
            else birth = date;
        }
        return new CustomerFieldValues(name, email, birth);
    }
}
