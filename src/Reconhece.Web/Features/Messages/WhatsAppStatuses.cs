using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Messages;

/// <summary>
/// Applies a signed status webhook: under entry[].changes[].value, metadata.phone_number_id names the
/// business (through its door, before any business is current) and statuses[] name its messages by their
/// wamid. Each business's statuses are applied inside that business only, so a phone-number id can never
/// touch another business's messages. "delivered" and "read" record when; "failed" marks the message
/// failed with Meta's code and takes back the contact it was counted as.
/// </summary>
public sealed class WhatsAppStatuses(AppDbContext db, CurrentBusiness current, ILogger<WhatsAppStatuses> log)
{
    public async Task<int> ApplyAsync(byte[] body, CancellationToken ct)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            log.LogWarning("WhatsApp webhook: a signed body that is not JSON");
            return 0;
        }
        var applied = 0;
        foreach (var value in (root?["entry"] as JsonArray ?? []).SelectMany(e => e?["changes"] as JsonArray ?? []).Select(c => c?["value"]))
        {
            if (value?["metadata"]?["phone_number_id"]?.GetValueKind() != JsonValueKind.String || value["statuses"] is not JsonArray statuses) continue;
            var phoneNumberId = value["metadata"]!["phone_number_id"]!.GetValue<string>();
            if (await TenantDoors.WhatsAppBusinessAsync(db, phoneNumberId, ct) is not { } business)
            {
                log.LogWarning("WhatsApp webhook for an unknown phone-number id {PhoneNumberId}", phoneNumberId);
                continue;
            }
            using var scope = current.Use(business);
            foreach (var status in statuses)
                applied += await ApplyAsync(status, ct);
        }
        return applied;
    }

    private async Task<int> ApplyAsync(JsonNode? status, CancellationToken ct)
    {
        if (status?["id"]?.GetValueKind() != JsonValueKind.String || status["status"]?.GetValueKind() != JsonValueKind.String) return 0;
        var id = status["id"]!.GetValue<string>();
        var at = status["timestamp"]?.GetValueKind() == JsonValueKind.String && long.TryParse(status["timestamp"]!.GetValue<string>(), out var seconds)
            ? DateTime.UnixEpoch.AddSeconds(seconds) : DateTime.UtcNow;
        var message = db.OutboxMessages.Where(m => m.ProviderId == id && m.Channel == MessageChannel.WhatsApp);
        switch (status["status"]!.GetValue<string>())
        {
            case "delivered":
                return await message.Where(m => m.DeliveredAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, at), ct);
            case "read":
                // A read message was delivered, even when its "delivered" never came or comes later.
                return await message.Where(m => m.ReadAt == null).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ReadAt, at).SetProperty(m => m.DeliveredAt, m => m.DeliveredAt ?? at), ct);
            case "failed":
                var code = status["errors"]?[0]?["code"]?.GetValueKind() == JsonValueKind.Number ? status["errors"]![0]!["code"]!.GetValue<int>() : (int?)null;
                var failed = await message.Where(m => m.Status == OutboxStatus.Sent).Select(m => m.Id).ToListAsync(ct);
                if (failed.Count == 0) return 0;
                await db.OutboxMessages.Where(m => failed.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.ErrorCode, code), ct);
                // Not a contact after all: the Ações results count only messages that reached the phone.
                await db.Contacts.Where(c => failed.Contains(c.IdempotencyKey) && c.Channel == ContactChannel.Automatic).ExecuteDeleteAsync(ct);
                return failed.Count;
            default:
                // "sent" only repeats what the API's answer said.
                return 0;
        }
    }
}
