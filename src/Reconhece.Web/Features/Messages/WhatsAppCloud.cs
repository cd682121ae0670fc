using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// Settings "WhatsApp": where the Graph API is (tests point it at a local server that implements Meta's
/// documented contract), its version, and the platform app's webhook secrets. Each business brings its own
/// phone-number id and token; the app secret and verify token are Reconhece's, as the one Meta app that
/// every business's number is subscribed to.
/// </summary>
public sealed class WhatsAppOptions
{
    public string GraphUrl { get; set; } = "https://graph.facebook.com";
    public string ApiVersion { get; set; } = "v21.0";
    /// <summary>The Meta app secret: X-Hub-Signature-256 is the HMAC-SHA256 of each webhook body with it.</summary>
    public string? AppSecret { get; set; }
    /// <summary>What Meta sends as hub.verify_token when the webhook is subscribed.</summary>
    public string? VerifyToken { get; set; }
    /// <summary>The documented default throughput per business phone number: 80 messages per second.</summary>
    public int MessagesPerSecond { get; set; } = 80;
}

/// <summary>How one send ended, in the terms decision 009 and docs/messages.md act on.</summary>
public enum WhatsAppOutcome
{
    /// <summary>Accepted: <see cref="WhatsAppAnswer.MessageId"/> is the wamid the status webhooks name.</summary>
    Accepted,
    /// <summary>130429 (throughput): back off and try again later; the rest of the batch waits too.</summary>
    RateLimited,
    /// <summary>131056 (too many to this customer): back off for this customer.</summary>
    RecipientRateLimited,
    /// <summary>131026 (undeliverable) or 131047 (outside the window): failed, never retried.</summary>
    Rejected,
    /// <summary>190 (token expired or invalid): the channel pauses and the owner is told.</summary>
    TokenInvalid,
    /// <summary>Not sent: the connection was refused before the request left, or Meta answered another error before accepting.</summary>
    NotSent,
    /// <summary>The request left and no answer came (a timeout): it may have been sent, so it is never retried by itself.</summary>
    Unknown,
}

public sealed record WhatsAppAnswer(WhatsAppOutcome Outcome, string? MessageId = null, int? ErrorCode = null);

/// <summary>
/// The WhatsApp Business Platform's Cloud API, as ../shared/DOMAIN.md ("Messaging customers") documents
/// it: POST /{version}/{phone-number-id}/messages with a template, and its error codes.
/// </summary>
public sealed class WhatsAppCloud(HttpClient http, IOptions<WhatsAppOptions> options)
{
    public async Task<WhatsAppAnswer> SendTemplateAsync(string phoneNumberId, string token, string toE164, string template, string language,
        IReadOnlyList<string> parameters, CancellationToken ct)
    {
        var o = options.Value;
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = toE164.TrimStart('+'),
            ["type"] = "template",
            ["template"] = new JsonObject
            {
                ["name"] = template,
                ["language"] = new JsonObject { ["code"] = language },
                ["components"] = parameters.Count == 0 ? new JsonArray() : new JsonArray(new JsonObject
                {
                    ["type"] = "body",
                    ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }).ToArray()),
                }),
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri($"{o.GraphUrl.TrimEnd('/')}/{o.ApiVersion}/{Uri.EscapeDataString(phoneNumberId)}/messages"))
        {
            // A string body, so the request carries its Content-Length rather than being chunked.
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException)
        {
            // Refused or unreachable before the request was written: nothing reached Meta.
            return new WhatsAppAnswer(WhatsAppOutcome.NotSent);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new WhatsAppAnswer(WhatsAppOutcome.Unknown);
        }
        using (response)
        {
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
            }
            catch (JsonException)
            {
                json = null;
            }
            if (response.IsSuccessStatusCode)
                return json?["messages"]?[0]?["id"]?.GetValue<string>() is { } id
                    ? new WhatsAppAnswer(WhatsAppOutcome.Accepted, id)
                    // A 2xx without an id: accepted or not, we cannot tell.
                    : new WhatsAppAnswer(WhatsAppOutcome.Unknown);
            var code = json?["error"]?["code"]?.GetValueKind() == JsonValueKind.Number ? json["error"]!["code"]!.GetValue<int>() : (int?)null;
            return new WhatsAppAnswer(code switch
            {
                130429 => WhatsAppOutcome.RateLimited,
                131056 => WhatsAppOutcome.RecipientRateLimited,
                131026 or 131047 => WhatsAppOutcome.Rejected,
                190 => WhatsAppOutcome.TokenInvalid,
                _ => WhatsAppOutcome.NotSent,
            }, null, code ?? (int)response.StatusCode);
        }
    }
}
