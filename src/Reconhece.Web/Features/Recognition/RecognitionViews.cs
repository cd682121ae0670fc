namespace Reconhece.Web.Features.Recognition;

public sealed record EligibleRow(Guid CustomerId, string? Name, string Phone, decimal Balance, DateTime? EligibleSince, DateTime? LastPurchaseAt, Uri? WhatsApp);


public sealed record EligibleList(IReadOnlyList<EligibleRow> Rows, decimal Goal, string RecognitionText, TimeZoneInfo Zone);

public sealed record RecognizeForm(Guid CustomerId, string? Name, string Phone, decimal Balance, decimal Goal, RecognizeInput Input, Uri? WhatsApp);

public sealed record HistoryRow(Guid CustomerId, string? Name, string Phone, string What, decimal Points, string By, DateTime At);

public sealed record History(IReadOnlyList<HistoryRow> Rows, TimeZoneInfo Zone);
