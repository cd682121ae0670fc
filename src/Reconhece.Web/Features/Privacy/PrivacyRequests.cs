using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Privacy;

public sealed class PrivacyRequestInput
{
    public PrivacyRight Right { get; set; }
    /// <summary>dd/MM/yyyy; empty is today.</summary>
    public string? RequestedOn { get; set; }
    public string? Note { get; set; }
    public Guid IdempotencyKey { get; set; }
}

/// <summary>"Cliente pediu acesso em 27/11": kept with its art. 19 deadline (15 days) until the owner marks it answered.</summary>
public sealed class PrivacyRequests(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public static string RightName(PrivacyRight right, IStringLocalizer t) => right switch
    {
        PrivacyRight.Confirmation => t["Confirmação de que tratamos os dados"],
        PrivacyRight.Access => t["Acesso aos dados"],
        PrivacyRight.Correction => t["Correção"],
        PrivacyRight.Anonymisation => t["Anonimização ou bloqueio"],
        PrivacyRight.Portability => t["Portabilidade"],
        PrivacyRight.Elimination => t["Eliminação"],
        PrivacyRight.SharingInformation => t["Com quem compartilhamos"],
        PrivacyRight.ConsentInformation => t["Sobre não consentir"],
        PrivacyRight.Revocation => t["Revogar o consentimento"],
        _ => right.ToString(),
    };

    public async Task<FormResult<bool>?> RegisterAsync(Guid customerId, PrivacyRequestInput input, Guid userId, TimeZoneInfo zone, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct)) return null;
        var errors = new FormErrors();
        var today = Periods.LocalDay(clock.GetUtcNow().UtcDateTime, zone);
        var on = today;
        if (!Enum.IsDefined(input.Right)) errors.Add(nameof(input.Right), t["Escolha o direito que o cliente pediu."]);
        if (!string.IsNullOrWhiteSpace(input.RequestedOn)
            && !DateOnly.TryParseExact(input.RequestedOn.Trim(), "dd/MM/yyyy", Format.PtBr, System.Globalization.DateTimeStyles.None, out on))
            errors.Add(nameof(input.RequestedOn), t["Data inválida. Use dd/mm/aaaa, ex.: 27/11/2026."]);
        else if (on > today) errors.Add(nameof(input.RequestedOn), t["A data do pedido não pode estar no futuro."]);
        else if (on < today.AddYears(-1)) errors.Add(nameof(input.RequestedOn), t["A data do pedido está muito antiga. Confira o ano."]);
        if (input.Note?.Length > PrivacyRequest.NoteMaxLength)
            errors.Add(nameof(input.Note), t["Use no máximo {0} caracteres.", PrivacyRequest.NoteMaxLength]);
        if (input.IdempotencyKey == Guid.Empty) errors.Add("", t["O formulário expirou. Recarregue a página e tente de novo."]);
        if (errors.Any) return errors.ToResult<bool>();

        await StoreAsync(customerId, input.Right, on, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), userId, input.IdempotencyKey, ct);
        return FormResult.Ok(true);
    }

    /// <summary>What the customer's card offers: to see, correct or erase their data.</summary>
    public static readonly PrivacyRight[] ByCardRights = [PrivacyRight.Access, PrivacyRight.Correction, PrivacyRight.Elimination];

    /// <summary>The note on a request the customer made on their card (no one on the team registered it).</summary>
    public const string ByCardNote = "Pedido feito pelo próprio cliente, no cartão.";

    /// <summary>
    /// The customer asks on their card (Features/Cards): a request like any other, dated today with the
    /// 15-day deadline, shown on Privacidade. A double tap (the same key) registers one. Returns the deadline.
    /// </summary>
    public async Task<DateOnly> RegisterByCustomerAsync(Guid customerId, PrivacyRight right, Guid key, TimeZoneInfo zone, CancellationToken ct)
    {
        var today = Periods.LocalDay(clock.GetUtcNow().UtcDateTime, zone);
        await StoreAsync(customerId, right, today, ByCardNote, null, key, ct);
        return today.AddDays(PrivacyRequest.DeadlineDays);
    }

    /// <summary>One request, due 15 days after it was made (art. 19); the form's key makes a double tap store one.</summary>
    private async Task StoreAsync(Guid customerId, PrivacyRight right, DateOnly on, string? note, Guid? userId, Guid key, CancellationToken ct)
    {
        db.PrivacyRequests.Add(new PrivacyRequest
        {
            Id = Guid.CreateVersion7(), CustomerId = customerId, Right = right, RequestedOn = on, DueOn = on.AddDays(PrivacyRequest.DeadlineDays),
            Note = note, UserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime, IdempotencyKey = key,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A double tap: the first one registered it.
        }
    }

    /// <summary>Marks the request answered (once: a second tap keeps the first time and person).</summary>
    public async Task<bool> AnswerAsync(Guid customerId, Guid requestId, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PrivacyRequests.Where(r => r.Id == requestId && r.CustomerId == customerId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnsweredAt, r => r.AnsweredAt ?? now)
                .SetProperty(r => r.AnsweredByUserId, r => r.AnsweredByUserId ?? userId), ct) > 0;
    }
}
