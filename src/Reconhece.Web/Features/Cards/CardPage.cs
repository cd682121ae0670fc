namespace Reconhece.Web.Features.Cards;

/// <summary>One line of the card's history: a purchase (points and bonus) or a recognition (points debited).</summary>
public sealed record CardPurchase(DateTime At, string Branch, decimal Points, decimal Bonus, string? Promotion, bool Reversed);

public sealed record CardRecognition(DateTime At, string What, decimal Points);

/// <summary>A promotion running today that reaches this customer, as the counter names it.</summary>
public sealed record CardPromotion(string Name, string Benefit, string? Description);

/// <summary>Everything the customer's card shows (docs/customer-card.md).</summary>
public sealed record CardPage(string Token, string BusinessName, string? FirstName, decimal Balance, decimal Goal, string Reward,
    Points.NextExpiry? Expiry, IReadOnlyList<CardPurchase> Purchases, IReadOnlyList<CardRecognition> Recognitions,
    IReadOnlyList<CardPromotion> Promotions, IReadOnlyList<string> Rules, string? ProgramPage, TimeZoneInfo Zone)
{
    public required string MaskedPhone { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public DateOnly? BirthDate { get; init; }
    public bool OptedOut { get; init; }

    public decimal Missing => Math.Max(0, Goal - Balance);

    /// <summary>Progress to the goal, 0–100, for the bar.</summary>
    public int Percent => Goal <= 0 ? 100 : (int)Math.Clamp(Math.Floor(Balance * 100 / Goal), 0, 100);
}
