namespace Reconhece.Web.Domain;

/// <summary>The owner's WhatsApp invitation for an eligible customer, and its click-to-chat link.</summary>
public static class Invitation
{
    /// <summary>Fills {nome} (first name), {negocio} and {reconhecimento} in the owner's message.</summary>
    public static string Render(string template, string? customerName, string businessName, string recognition)
    {
        var firstName = string.IsNullOrWhiteSpace(customerName) ? "" : customerName.Trim().Split(' ')[0];
        var text = template
            .Replace("{nome}", firstName, StringComparison.OrdinalIgnoreCase)
            .Replace("{negocio}", businessName, StringComparison.OrdinalIgnoreCase)
            .Replace("{reconhecimento}", recognition, StringComparison.OrdinalIgnoreCase);
        // "Olá, !" when the name is unknown reads badly: drop the dangling comma.
        return text.Replace(", !", "!", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);
    }

    /// <summary>https://wa.me/5511987654321?text=... — opens WhatsApp on the phone with the message ready.</summary>
    public static Uri WhatsAppLink(string e164Phone, string message) =>
        new($"https://wa.me/{e164Phone.TrimStart('+')}?text={Uri.EscapeDataString(message)}");
}
