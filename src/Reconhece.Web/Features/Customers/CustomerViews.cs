using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Customers;

public sealed record CustomerRow(Guid Id, string? Name, string Phone, decimal Balance, DateTime? LastPurchaseAt, bool Eligible);

public sealed record CustomerSearch(string? Query, string? Message, IReadOnlyList<CustomerRow> Rows, TimeZoneInfo Zone)
{
    /// <summary>Set when the page lists the inactive customers: how many there are and the threshold in days.</summary>
    public (int Count, int Days)? Inactive { get; init; }
}

public sealed record PurchaseLine(Guid Id, DateTime At, string Branch, decimal? Amount, int? Quantity, decimal Points, bool Reversed);

public sealed record LedgerLine(DateTime At, LedgerKind Kind, decimal Points, decimal BalanceAfter, string? Reason, string? By);

public sealed record RecognitionLine(DateTime At, string What, decimal Points, string By);

public sealed record CustomerPage(
    Guid Id, string Phone, string? Name, string? Email, DateOnly? BirthDate,
    decimal Balance, decimal Goal, string RecognitionText, decimal LifetimeSpend, decimal LifetimePoints, int Visits,
    DateTime? FirstPurchaseAt, DateTime? LastPurchaseAt, DateTime? EligibleSince, string? FavouriteBranch,
    IReadOnlyList<PurchaseLine> Purchases, IReadOnlyList<LedgerLine> Ledger, IReadOnlyList<RecognitionLine> Recognitions,
    bool IsOwner, TimeZoneInfo Zone, Guid AdjustKey, DateTime? ContactOptOutAt, IReadOnlyList<ConsentLine> Consent, DateTime? AnonymizedAt)
{
    public bool Eligible => Domain.Goal.IsReached(Balance, Goal);
    public int Percent => Domain.Goal.Percent(Balance, Goal);
    public decimal AverageTicket => Visits == 0 ? 0m : Math.Round(LifetimeSpend / Visits, 2);

    /// <summary>When points expire (Programa → validade): the next day some do, and how many.</summary>
    public Points.NextExpiry? NextExpiry { get; init; }

    /// <summary>The RFV segment and scores of the last nightly run (Features/Segments).</summary>
    public (RfvSegment Segment, short R, short F, short V)? Rfv { get; init; }

    /// <summary>wa.me with a message ready; null when the customer does not want contact.</summary>
    public Uri? WhatsApp { get; init; }

    /// <summary>"Ganhou o brinde!" while the balance reaches the goal (none for an anonymised customer).</summary>
    public Recognition.GiftBanner? Gift { get; init; }
}

/// <summary>A change in whether the customer accepts contact, as the customer page lists it.</summary>
public sealed record ConsentLine(DateTime At, bool OptedOut, string? How, string? Reason, string? By);
