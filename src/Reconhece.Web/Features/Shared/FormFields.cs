using System.Globalization;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Shared;

/// <summary>
/// The readers of typed form fields, with their pt-BR messages, in one place: money and other decimals as
/// people type them ("1.234,56", "R$ 45,90"), whole numbers, dates (dd/mm/aaaa, or the browser's date
/// picker) and times. A bad value adds its message to the form's errors under the field's name and gives
/// null; nothing is guessed or cut.
/// </summary>
public sealed class FormFields(IStringLocalizer t, FormErrors errors)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH'h'mm", "H'h'"];

    public FormErrors Errors => errors;

    /// <summary>A number above zero up to <paramref name="max"/>; <paramref name="example"/> shows how to type it ("0,50", "10").</summary>
    public decimal? Positive(string? text, string field, decimal max, bool required, string example, string? outOfRange = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, t["Informe um valor."]);
            return null;
        }
        if (!MoneyText.TryParseReais(text, out var value) || value <= 0) errors.Add(field, outOfRange ?? t["Informe um número maior que zero, ex.: {0}.", example]);
        else if (value > max) errors.Add(field, outOfRange ?? t["Valor acima do limite. Confira o número digitado."]);
        else return value;
        return null;
    }

    /// <summary>Zero or more, up to R$ 10.000.000,00; blank is null.</summary>
    public decimal? NonNegative(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (MoneyText.TryParseReais(text, out var value) && value >= 0 && value <= 10_000_000m) return value;
        errors.Add(field, t["Informe um valor de zero para cima, ex.: 150,00."]);
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; blank is null.</summary>
    public int? Whole(string? text, string field, int min, int max, string? message = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (MoneyText.TryParseQuantity(text, out var value) && value >= min && value <= max) return value;
        errors.Add(field, message ?? t["Informe um número inteiro de {0} a {1}, ou deixe em branco.", min, max]);
        return null;
    }

    /// <summary>A date typed dd/mm/aaaa (or sent by a date picker); blank is "Informe a data.".</summary>
    public DateOnly? Date(string? text, string field)
    {
        if (DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, string.IsNullOrWhiteSpace(text) ? t["Informe a data."] : t["Data inválida. Use dd/mm/aaaa, ex.: 25/12/2026."]);
        return null;
    }

    /// <summary>A time typed hh:mm (or "18h"); blank is null.</summary>
    public TimeOnly? Time(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors.Add(field, t["Hora inválida. Use hh:mm, ex.: 18:00."]);
        return null;
    }
}
