using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Customers;

public sealed class AdjustPointsInput
{
    public Guid IdempotencyKey { get; set; }

    [Display(Name = "Pontos")]
    public string? Points { get; set; }

    [Display(Name = "Motivo")]
    public string? Reason { get; set; }
}

/// <summary>A manual adjustment by the owner (e.g. points from before the system), always with a reason.</summary>
public sealed class AdjustPoints(AppDbContext db, PointsLedger ledger, IStringLocalizer<SharedResource> t)
{
    public const decimal MaxAdjustment = 1_000_000m;

    public async Task<FormResult<decimal>?> HandleAsync(Guid customerId, AdjustPointsInput input, Guid userId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct)) return null;
        var errors = new FormErrors();
        var text = input.Points?.Trim() ?? "";
        var negative = text.StartsWith('-');
        if (!MoneyText.TryParseReais(negative ? text[1..] : text.TrimStart('+'), out var points) || points == 0)
            errors.Add(nameof(input.Points), t["Informe os pontos a somar (ex.: 50) ou a tirar (ex.: -50)."]);
        else if (points > MaxAdjustment)
            errors.Add(nameof(input.Points), t["Ajuste acima do limite. Confira o número digitado."]);
        if (string.IsNullOrWhiteSpace(input.Reason))
            errors.Add(nameof(input.Reason), t["Informe o motivo do ajuste."]);
        else if (input.Reason.Length > 200)
            errors.Add(nameof(input.Reason), t["Use no máximo {0} caracteres.", 200]);
        if (input.IdempotencyKey == Guid.Empty)
            errors.Add("", t["O formulário expirou. Recarregue a página e tente de novo."]);
        if (errors.Any) return errors.ToResult<decimal>();

        var delta = negative ? -points : points;
        var goal = (await db.BusinessAsync(ct)).Program.Goal;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (outcome, balance) = await ledger.ApplyAsync(new LedgerMove(customerId, LedgerKind.Adjustment, delta)
        {
            UserId = userId, Reason = input.Reason!.Trim(), IdempotencyKey = input.IdempotencyKey,
            // A negative adjustment never takes the balance below zero.
            RequireBalanceAtLeast = delta < 0 ? -delta : null,
        }, goal, ct);
        if (outcome == LedgerOutcome.Applied)
        {
            await tx.CommitAsync(ct);
            return FormResult.Ok(balance);
        }
        await tx.RollbackAsync(ct);
        if (outcome == LedgerOutcome.Duplicate)
        {
            // The same form again (double tap, Back and resubmit) is fine; the same key with other content is not.
            var first = await db.Ledger.Where(l => l.IdempotencyKey == input.IdempotencyKey)
                .Select(l => new { l.CustomerId, l.Points, l.Reason }).SingleAsync(ct);
            if (first.CustomerId == customerId && first.Points == delta && first.Reason == input.Reason!.Trim())
                return FormResult.Ok(await db.Customers.Where(c => c.Id == customerId).Select(c => c.Balance).SingleAsync(ct));
            errors.Add("", t["Este formulário já registrou outro ajuste ({0} pontos: {1}). Nada foi alterado agora. Recarregue a página para fazer um novo ajuste.",
                first.Points.ToString("+#,##0.##;-#,##0.##", Format.PtBr), first.Reason ?? ""]);
            return errors.ToResult<decimal>();
        }
        errors.Add(nameof(input.Points), t["O cliente não tem pontos suficientes para este ajuste."]);
        return errors.ToResult<decimal>();
    }
}
