using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// What fills a WhatsApp template's body parameters: the placeholders of the Ações messages, one per
/// parameter, plus {mensagem}, the whole message as the owner wrote it, and for "Pontos vencendo"
/// {vencem} ("120 pontos") and {vencimento} ("14/12/2026"). Meta refuses a parameter with a line break, a
/// tab or more than four spaces in a row, so those become single spaces.
/// </summary>
public static class WhatsAppParameters
{
    public const string Message = "{mensagem}";
    public const string ExpiringPoints = "{vencem}";
    public const string ExpiresOn = "{vencimento}";

    public static IEnumerable<string> Allowed => Invitation.Placeholders.Append(Message).Append(ExpiringPoints).Append(ExpiresOn);

    public static bool IsAllowed(string placeholder) => Allowed.Contains(placeholder, StringComparer.OrdinalIgnoreCase);

    public static string Fill(string placeholder, MessageFields fields, string message, Expiry? expiry = null)
    {
        var value = placeholder.ToLowerInvariant() switch
        {
            Message => message,
            ExpiringPoints => expiry is null ? "" : Format.PointsCount(expiry.Points),
            ExpiresOn => expiry is null ? "" : expiry.On.ToString("dd/MM/yyyy", Format.PtBr),
            _ => Invitation.Render(placeholder, fields),
        };
        return string.Join(' ', value.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>The points that expire within the owner's N days, and the local day they expire.</summary>
public sealed record Expiry(decimal Points, DateOnly On);
