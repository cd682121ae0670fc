using System.Globalization;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Shared;

/// <summary>The one place money, points, dates and phones are turned into pt-BR text.</summary>
public static class Format
{
    public static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>
    /// R$ 1.234,56, with a non-breaking space: .NET's pt-BR currency format puts an ordinary space after "R$", and
    /// at 390 px a line broke there ("R$" / "0,00", issue 22).
    /// </summary>
    public static string Money(decimal value) => value.ToString("C2", PtBr).Replace(' ', '\u00A0');

    /// <summary>1.234 or 45,9 — no trailing zeros.</summary>
    public static string Points(decimal value) => value.ToString("#,0.##", PtBr);

    /// <summary>Amount as typed back into a form: 45,90</summary>
    /// <summary>A number short enough for a chart's bar: "850", "12,3 mil", "1,2 mi".</summary>
    public static string Compact(decimal value) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", PtBr) + " mi",
        >= 10_000 => (value / 1_000).ToString("0.#", PtBr) + " mil",
        _ => value.ToString("#,0.##", PtBr),
    };

    /// <summary>"Novembro" from "novembro": pt-BR month names are lower case, a sentence starts upper case.</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], PtBr) + text[1..];

    /// <summary>"+23,4%" / "−50%": the change from before to now, with a true minus sign; null without a base.</summary>
    public static string? Change(decimal now, decimal before) => before == 0 ? null
        : (now >= before ? "+" : "−") + Math.Abs(100 * (now - before) / before).ToString("0.#", PtBr) + "%";

    public static string MoneyInput(decimal value) => value.ToString("0.00", PtBr);

    public static string Date(DateTime utc, TimeZoneInfo zone) => Local(utc, zone).ToString("dd/MM/yyyy", PtBr);

    public static string DateTime(DateTime utc, TimeZoneInfo zone) => Local(utc, zone).ToString("dd/MM/yyyy HH:mm", PtBr);

    public static string Time(DateTime utc, TimeZoneInfo zone) => Local(utc, zone).ToString("HH:mm", PtBr);

    public static string Date(DateTime? utc, TimeZoneInfo zone) => utc is null ? "—" : Date(utc.Value, zone);

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", PtBr) ?? "—";

    /// <summary>"1 cliente", "1.234 clientes": a count with the word that agrees with it.</summary>
    /// <summary>pt-BR counts take the singular for exactly one ("1 ponto") and the plural otherwise ("0 pontos", "2 pontos").</summary>
    public static bool IsOne(decimal n) => n == 1;

    /// <summary>"1 compra", "1.234 compras": a count with its noun, for text that is not localized (PDFs, emails, audit).</summary>
    public static string Count(int n, string one, string many) => $"{n.ToString("N0", PtBr)} {(IsOne(n) ? one : many)}";

    /// <summary>"1 ponto", "1,5 pontos", "1.234 pontos": points with their noun, for text that is not localized.</summary>
    public static string PointsCount(decimal n) => $"{Points(n)} {(IsOne(n) ? "ponto" : "pontos")}";

    public static string Phone(string? e164) => BrazilianPhone.Format(e164);

    public static System.DateTime Local(System.DateTime utc, TimeZoneInfo zone) => Domain.Periods.ToLocal(utc, zone);
}
