using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// What fills a WhatsApp template's body parameters: the placeholders of the Ações messages, one per
/// parameter, plus {mensagem}, the whole message as the owner wrote it. Meta refuses a parameter with a
/// line break, a tab or more than four spaces in a row, so those become single spaces.
/// </summary>
public static class WhatsAppParameters
{
    public const string Message = "{mensagem}";

    public static IEnumerable<string> Allowed => Invitation.Placeholders.Append(Message);

    public static bool IsAllowed(string placeholder) => Allowed.Contains(placeholder, StringComparer.OrdinalIgnoreCase);

    public static string Fill(string placeholder, MessageFields fields, string message)
    {
        var value = string.Equals(placeholder, Message, StringComparison.OrdinalIgnoreCase) ? message : Invitation.Render(placeholder, fields);
        return string.Join(' ', value.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
