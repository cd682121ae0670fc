using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconhece.Web.Domain;

/// <summary>What a message to a customer can say about them: the values behind the placeholders.</summary>
/// <summary>…and <paramref name="Card"/>, the customer's card link ({cartao}; Features/Cards), when the caller has it.</summary>
public sealed record MessageFields(string? CustomerName, string BusinessName, decimal Points, decimal Goal, string Prize, string? Card = null);

/// <summary>
/// The owner's WhatsApp messages to customers (the recognition invitation, the Ações templates) and their
/// click-to-chat links (../docs/ and ../shared DOMAIN: wa.me with the number in digits only).
/// </summary>
public static partial class Invitation
{
    /// <summary>The placeholders a template may use; {reconhecimento} is the older name of {premio}.</summary>
    /// <summary>What "WhatsApp" on a customer's page starts with before the goal is reached: no count, so no plural to get wrong.</summary>
    public const string Greeting = "Olá, {nome}! {negocio} aqui. Seus pontos e o que falta para o prêmio estão no seu cartão: {cartao}";

    public static readonly string[] Placeholders = ["{nome}", "{negocio}", "{pontos}", "{faltam}", "{meta}", "{premio}", "{reconhecimento}", "{cartao}"];

    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>Fills {nome} (first name), {negocio}, {reconhecimento} in the owner's invitation.</summary>
    public static string Render(string template, string? customerName, string businessName, string recognition) =>
        Render(template, new MessageFields(customerName, businessName, 0, 0, recognition));

    /// <summary>Fills every placeholder: {nome} is the first name, {faltam} the points still missing for the goal.</summary>
    public static string Render(string template, MessageFields f)
    {
        var firstName = string.IsNullOrWhiteSpace(f.CustomerName) ? "" : f.CustomerName.Trim().Split(' ')[0];
        var text = template
            .Replace("{nome}", firstName, StringComparison.OrdinalIgnoreCase)
            .Replace("{negocio}", f.BusinessName, StringComparison.OrdinalIgnoreCase)
            .Replace("{pontos}", Points(f.Points), StringComparison.OrdinalIgnoreCase)
            .Replace("{faltam}", Points(Math.Max(0, f.Goal - f.Points)), StringComparison.OrdinalIgnoreCase)
            .Replace("{meta}", Points(f.Goal), StringComparison.OrdinalIgnoreCase)
            .Replace("{premio}", f.Prize, StringComparison.OrdinalIgnoreCase)
            .Replace("{reconhecimento}", f.Prize, StringComparison.OrdinalIgnoreCase);
        // Where the caller has no card link (the weekly PDF), the clause that carries it goes, not just the word.
        text = f.Card is { } card ? text.Replace("{cartao}", card, StringComparison.OrdinalIgnoreCase) : CardClause().Replace(text, "");
        // "Olá, !" when the name is unknown reads badly: drop the dangling comma.
        return text.Replace(", !", "!", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);
    }

    /// <summary>The placeholders in a template that are not ours (a typo such as "{nomee}"), to refuse it.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Value)
            .Where(p => !Placeholders.Contains(p, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();

    /// <summary>https://wa.me/5511987654321?text=... — opens WhatsApp on the phone with the message ready.</summary>
    public static Uri WhatsAppLink(string e164Phone, string message) =>
        new($"https://wa.me/{e164Phone.TrimStart('+')}?text={Uri.EscapeDataString(message)}");

    private static string Points(decimal value) => value.ToString("#,0.##", PtBr);

    [GeneratedRegex(@"\{[^{}\s]{1,30}\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\s*[^.!?\n]*\{cartao\}[.!]?", RegexOptions.IgnoreCase)]
    private static partial Regex CardClause();
}
