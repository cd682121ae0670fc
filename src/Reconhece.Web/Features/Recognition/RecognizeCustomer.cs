using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Recognition;

public sealed class RecognizeInput
{
    public Guid IdempotencyKey { get; set; }

    [Display(Name = "O que foi oferecido")]
    public string? What { get; set; }
}

public enum RecognizeOutcome { Recognized, AlreadyRecognized, NotEligible }

/// <summary>
/// "Reconhecer": records what the customer was given, by whom and when, and debits one goal's worth of
/// points (the excess carries over). A double tap recognises once.
/// </summary>
public sealed class RecognizeCustomer(AppDbContext db, PointsLedger ledger, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<FormResult<RecognizeOutcome>?> HandleAsync(Guid customerId, RecognizeInput input, Guid userId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct)) return null;
        var errors = new FormErrors();
        var what = input.What?.Trim();
        if (string.IsNullOrEmpty(what)) errors.Add(nameof(input.What), t["Descreva o que foi oferecido."]);
        else if (what.Length > 200) errors.Add(nameof(input.What), t["Use no máximo {0} caracteres.", 200]);
        if (input.IdempotencyKey == Guid.Empty) errors.Add("", t["O formulário expirou. Recarregue a página e tente de novo."]);
        if (errors.Any) return errors.ToResult<RecognizeOutcome>();

        var goal = (await db.BusinessAsync(ct)).Program.Goal;
        var recognition = new Domain.Recognition
        {
            Id = Guid.CreateVersion7(), CustomerId = customerId, UserId = userId, What = what!, PointsDebited = goal,
            At = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (outcome, _) = await ledger.ApplyAsync(new LedgerMove(customerId, LedgerKind.Recognition, -goal)
        {
            UserId = userId, RecognitionId = recognition.Id, Reason = what, IdempotencyKey = input.IdempotencyKey,
            RequireBalanceAtLeast = goal, RestartEligibility = true,
        }, goal, ct);
        if (outcome != LedgerOutcome.Applied)
        {
            await tx.RollbackAsync(ct);
            // The same form again is "already recognised"; the key of another customer's form is refused.
            if (outcome == LedgerOutcome.Duplicate
                && await db.Ledger.AnyAsync(l => l.IdempotencyKey == input.IdempotencyKey && l.CustomerId != customerId, ct))
            {
                errors.Add("", t["Este formulário já registrou o reconhecimento de outro cliente. Nada foi registrado agora. Abra o cliente de novo pela lista."]);
                return errors.ToResult<RecognizeOutcome>();
            }
            return FormResult.Ok(outcome == LedgerOutcome.Duplicate ? RecognizeOutcome.AlreadyRecognized : RecognizeOutcome.NotEligible);
        }
        db.Recognitions.Add(recognition);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return FormResult.Ok(RecognizeOutcome.Recognized);
    }
}
