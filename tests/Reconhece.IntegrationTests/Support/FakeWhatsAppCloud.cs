using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Reconhece.IntegrationTests.Support;

/// <summary>
/// A local stand-in for the WhatsApp Business Platform's Cloud API (the real one cannot be reached from
/// these machines), on WireMock.Net, implementing the documented contract (../shared/DOMAIN.md, "Messaging
/// customers"): POST /{version}/{phone-number-id}/messages with a bearer token; a template message is
/// answered with messages[0].id, a fresh "wamid."; a wrong token with error 190 (HTTP 401); and the errors
/// a test queues (130429, 131056, 131026, 131047) with Meta's error body.
/// </summary>
public sealed class FakeWhatsAppCloud : IDisposable
{
    public const string ValidToken = "EAAG-token-de-teste-valido-0123456789";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentQueue<int> _errors = new();

    public string Url => _server.Url!;

    /// <summary>Every message request received, in order: the phone-number id in the path and the JSON body.</summary>
    public ConcurrentQueue<(string PhoneNumberId, JsonNode Body, string? Authorization)> Received { get; } = new();

    public FakeWhatsAppCloud()
    {
        _server.Given(Request.Create().WithPath(new RegexMatcher(@"^/v[0-9.]+/[0-9]+/messages$")).UsingPost())
            .RespondWith(Response.Create().WithCallback(Answer));
    }

    /// <summary>The next requests are answered with these Meta error codes, one each, before any success.</summary>
    public void FailNext(params int[] codes)
    {
        foreach (var code in codes) _errors.Enqueue(code);
    }

    public IEnumerable<JsonNode> BodiesTo(string phoneNumberId) => Received.Where(r => r.PhoneNumberId == phoneNumberId).Select(r => r.Body);

    private ResponseMessage Answer(IRequestMessage request)
    {
        var phoneNumberId = request.Path.Split('/')[2];
        var body = JsonNode.Parse(request.Body ?? "{}")!;
        var authorization = request.Headers?.TryGetValue("Authorization", out var values) == true ? values.FirstOrDefault() : null;
        Received.Enqueue((phoneNumberId, body, authorization));
        if (authorization != "Bearer " + ValidToken)
            return Error(401, 190, "Error validating access token: Session has expired.");
        if (_errors.TryDequeue(out var code))
            return code switch
            {
                130429 => Error(429, code, "Rate limit hit"),
                131056 => Error(400, code, "(Business Account, Consumer Account) pair rate limit hit"),
                131026 => Error(400, code, "Message undeliverable"),
                131047 => Error(400, code, "Re-engagement message"),
                _ => Error(400, code, "Error"),
            };
        if ((string?)body["messaging_product"] != "whatsapp" || (string?)body["type"] != "template" || body["template"]?["name"] is null)
            return Error(400, 100, "Invalid parameter");
        var to = (string)body["to"]!;
        return Json(200, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = "wamid." + Guid.NewGuid().ToString("N") }),
        });
    }

    private static ResponseMessage Error(int status, int code, string message) => Json(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = $"(#{code}) {message}", ["type"] = "OAuthException", ["code"] = code,
            ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = message }, ["fbtrace_id"] = "AbCdEf123",
        },
    });

    private static ResponseMessage Json(int status, JsonNode body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    public void Dispose() => _server.Stop();
}
