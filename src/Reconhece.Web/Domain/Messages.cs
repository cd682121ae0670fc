namespace Reconhece.Web.Domain;

/// <summary>
/// What makes a message go out by itself (issue 23, docs/messages.md). Each is off until the owner turns
/// it on; each maps to the Ações list that already finds its customers (Features/Messages/MessageTriggers).
/// </summary>
public enum MessageTrigger
{
    Welcome = 0,
    GoalReached = 1,
    NearGoal = 2,
    Expiring = 3,
    Fading = 4,
    Birthday = 5,
    /// <summary>A group invitation the owner chose to send by itself: once per invitation and guest.</summary>
    Invitation = 6,
}

/// <summary>How a message left: the channel is chosen per message when it is claimed (docs/messages.md).</summary>
public enum MessageChannel
{
    Email = 0,
    WhatsApp = 1,
}

/// <summary>Where an outbox row stands.</summary>
public enum OutboxStatus
{
    /// <summary>Planned, waiting for its hour and the customer's frequency cap.</summary>
    Planned = 0,
    /// <summary>Drawn into the holdout: never sent, counted against the messaged to measure the trigger.</summary>
    Holdout = 1,
    /// <summary>Recorded just before the provider is called (decision 009): a crash now leaves it uncertain.</summary>
    Sending = 2,
    /// <summary>The provider accepted it.</summary>
    Sent = 3,
    /// <summary>Left "enviando" by a crash around the provider's answer: listed for the owner, never retried by itself.</summary>
    Uncertain = 4,
    /// <summary>No channel reaches the customer: no e-mail address, or they unsubscribed from e-mail.</summary>
    NoChannel = 5,
    /// <summary>The customer may no longer be messaged (não quer contato, anonymised or blocked) since it was planned.</summary>
    Cancelled = 6,
    /// <summary>The provider refused it for good (WhatsApp 131026 undeliverable, 131047 outside the window, or a failed status): not retried.</summary>
    Failed = 7,
    /// <summary>
    /// Taken by a sender with a batch, not yet handed to a provider. A sender that died leaves it here; after
    /// the claim lease it is planned again, which is safe because nothing was called for it.
    /// </summary>
    Claimed = 8,
}

/// <summary>
/// One message a trigger planned for one customer and one occasion ("aniversario:2026",
/// "meta:2026-12-03T14:05:00Z"). The occasion is part of the row's unique key, so a trigger can never plan
/// the same occasion twice, however often the planner runs. The holdout draw is stored on the row.
/// </summary>
public class OutboxMessage : ITenantOwned
{
    public const int OccasionMaxLength = 48;

    public Guid BusinessId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public MessageTrigger Trigger { get; set; }
    public required string Occasion { get; set; }
    public OutboxStatus Status { get; set; }
    public DateTime PlannedAt { get; set; }
    /// <summary>The first moment it may leave: outside the business's quiet hours.</summary>
    public DateTime DueAt { get; set; }
    /// <summary>When a sender claimed it, then when it handed it to the provider (status Sending).</summary>
    public DateTime? SendingAt { get; set; }
    /// <summary>The claim of the sender that holds it: only that sender may move it from Claimed to Sending.</summary>
    public Guid? ClaimId { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>The channel it was sent by (null until claimed).</summary>
    public MessageChannel? Channel { get; set; }
    /// <summary>The provider's id: WhatsApp's "wamid.…", which the status webhooks name.</summary>
    public string? ProviderId { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>The provider's error code when it failed or was held back (131026, 131047, 130429…).</summary>
    public int? ErrorCode { get; set; }
    /// <summary>How many times a rate limit sent it back: the back-off doubles with each.</summary>
    public int Attempts { get; set; }

    public const int ProviderIdMaxLength = 128;
}

/// <summary>
/// How the business's messages go out by themselves. Kept on the business row (an owned type, columns
/// messages_*), so every business has it from sign-up, with every trigger off.
/// </summary>
public class MessageSettings
{
    /// <summary>One bit per <see cref="MessageTrigger"/>; 0: nothing goes out by itself.</summary>
    public int EnabledTriggers { get; set; }
    /// <summary>The share of the customers a trigger picks who get nothing, to measure it (0–50).</summary>
    public int HoldoutPercent { get; set; } = 10;
    /// <summary>Messages leave from this local hour (inclusive)…</summary>
    public int SendFromHour { get; set; } = 9;
    /// <summary>…until this local hour (exclusive): 9:00 to 20:00 by default.</summary>
    public int SendUntilHour { get; set; } = 20;
    /// <summary>The frequency cap per customer, across every trigger: at most this many in 3 days…</summary>
    public int MaxPerThreeDays { get; set; } = 1;
    /// <summary>…and this many in 30 days.</summary>
    public int MaxPerThirtyDays { get; set; } = 4;
    /// <summary>At most this many messages leave per local day for the whole business; the page shows today's count first.</summary>
    public int DailyLimit { get; set; } = 200;
    /// <summary>"Pontos vencendo" goes this many days before the points expire (1–30).</summary>
    public int ExpiringDaysBefore { get; set; } = 7;
    /// <summary>"Aniversário" goes on the Monday of the birthday's week instead of the day itself.</summary>
    public bool BirthdayOnMonday { get; set; }

    public bool IsOn(MessageTrigger trigger) => (EnabledTriggers & (1 << (int)trigger)) != 0;

    public void Set(MessageTrigger trigger, bool on) =>
        EnabledTriggers = on ? EnabledTriggers | (1 << (int)trigger) : EnabledTriggers & ~(1 << (int)trigger);
}

/// <summary>
/// The business's WhatsApp Business Platform number (Cloud API; ../shared/DOMAIN.md, "Messaging customers"):
/// the phone-number id and the access token the owner entered. The token is kept encrypted with data
/// protection and never shown again. A 190 from Meta (token expired or invalid) pauses the channel until the
/// owner enters a new one. Columns whatsapp_* on the business row.
/// </summary>
public class WhatsAppChannel
{
    public const int PhoneNumberIdMaxLength = 32;

    public string? PhoneNumberId { get; set; }
    /// <summary>The access token, protected (IDataProtector "whatsapp-token").</summary>
    public string? ProtectedToken { get; set; }
    /// <summary>Set when Meta answered 190: nothing goes by WhatsApp until a new token is saved.</summary>
    public DateTime? PausedAt { get; set; }
    /// <summary>What the owner enters as the price of one template message, to estimate the month's cost (never hard-coded).</summary>
    public decimal? PricePerMessage { get; set; }

    public bool IsSetUp => !string.IsNullOrEmpty(PhoneNumberId) && !string.IsNullOrEmpty(ProtectedToken);
    public bool IsActive => IsSetUp && PausedAt is null;
}

/// <summary>
/// The approved WhatsApp template a trigger sends, with its language and the placeholders that fill its
/// body parameters in order ("{nome}, {premio}, {cartao}" fills {{1}}, {{2}}, {{3}}). A trigger without one
/// goes by e-mail, or stays in Ações.
/// </summary>
public class WhatsAppTemplate : ITenantOwned
{
    public const int NameMaxLength = 512;
    public const int LanguageMaxLength = 15;
    public const int ParametersMaxLength = 200;

    public Guid BusinessId { get; set; }
    public MessageTrigger Trigger { get; set; }
    public required string Name { get; set; }
    public string Language { get; set; } = "pt_BR";
    /// <summary>Placeholders separated by commas, one per body parameter.</summary>
    public string Parameters { get; set; } = "";

    public IReadOnlyList<string> ParameterList =>
        Parameters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
