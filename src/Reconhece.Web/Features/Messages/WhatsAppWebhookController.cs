using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// /webhooks/whatsapp, where Meta posts the statuses of the messages sent (../shared/DOMAIN.md, "Messaging
/// customers"). The GET is the subscription handshake: the challenge is echoed only when hub.verify_token is
/// ours. Every POST must carry X-Hub-Signature-256, the HMAC-SHA256 of the raw body with the app secret,
/// compared in constant time; anything else is refused with 403 and logged, and changes nothing.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken, Route("/webhooks/whatsapp")]
public sealed class WhatsAppWebhookController(IOptions<WhatsAppOptions> options, WhatsAppStatuses statuses, ILogger<WhatsAppWebhookController> log) : Controller
{
    /// <summary>Meta's status batches are small; a body over this is not one of them.</summary>
    private const int MaxBody = 1 << 20;

    [HttpGet("")]
    public IActionResult Verify([FromQuery(Name = "hub.mode")] string? mode, [FromQuery(Name = "hub.verify_token")] string? token,
        [FromQuery(Name = "hub.challenge")] string? challenge)
    {
        var expected = options.Value.VerifyToken;
        if (mode != "subscribe" || string.IsNullOrEmpty(expected) || token is null || challenge is null ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
        {
            log.LogWarning("WhatsApp webhook verification refused");
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        return Content(challenge, "text/plain");
    }

    [HttpPost(""), RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Receive(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        if (!Signed(body, Request.Headers["X-Hub-Signature-256"].ToString()))
        {
            log.LogWarning("WhatsApp webhook refused: bad or missing X-Hub-Signature-256 from {Address}", HttpContext.Connection.RemoteIpAddress);
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await statuses.ApplyAsync(body, ct);
        // 200 for every signed body, even one we cannot use: Meta retries anything else for days.
        return Ok();
    }

    private bool Signed(byte[] body, string header)
    {
        var secret = options.Value.AppSecret;
        if (string.IsNullOrEmpty(secret) || !header.StartsWith("sha256=", StringComparison.Ordinal)) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(header["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), given);
    }
}
