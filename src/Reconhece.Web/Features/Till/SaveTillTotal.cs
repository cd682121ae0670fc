using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Till;

public sealed class TillInput
{
    public string? Day { get; set; }
    public string? Amount { get; set; }
    public Guid? BranchId { get; set; }
}

/// <summary>
/// "Total do caixa": one field, the day's till total of a branch. Staff type their own branch's; the owner
/// picks the branch. Typing it again replaces it (a double tap changes nothing). Days up to 31 back.
/// </summary>
public sealed class SaveTillTotal(AppDbContext db, CurrentBusiness current, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const int DaysBack = 31;

    public async Task<FormResult<bool>> HandleAsync(TillInput input, Guid userId, Guid? staffBranch, bool isOwner, CancellationToken ct)
    {
        var errors = new FormErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Periods.LocalDay(now, (await db.BusinessAsync(ct)).Zone);
        var branch = isOwner ? input.BranchId : staffBranch;
        if (branch is not { } b || !await db.Branches.AnyAsync(x => x.Id == b && x.IsActive, ct))
            errors.Add(nameof(input.BranchId), t["Escolha uma filial ativa."]);
        // A day that cannot be read already has its message; null compares false below.
        var day = new FormFields(t, errors).Date(input.Day, nameof(input.Day));
        if (day > today) errors.Add(nameof(input.Day), t["Esta data ainda não chegou."]);
        else if (day < today.AddDays(-DaysBack)) errors.Add(nameof(input.Day), t["Só dá para informar os últimos {0} dias.", DaysBack]);
        var total = 0m;
        if (string.IsNullOrWhiteSpace(input.Amount)) errors.Add(nameof(input.Amount), t["Informe o total do caixa."]);
        else if (!MoneyText.TryParseReais(input.Amount, out total) || total < 0)
            errors.Add(nameof(input.Amount), t["Valor inválido. Use só números e vírgula, ex.: 1.234,56."]);
        else if (total > 10_000_000m) errors.Add(nameof(input.Amount), t["Valor acima do limite. Confira o número digitado."]);
        if (errors.Any) return errors.ToResult<bool>();

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO till_totals (business_id, branch_id, day, amount, user_id, updated_at)
            VALUES ({current.RequiredId}, {branch!.Value}, {day!.Value}, {total}, {userId}, {now})
            ON CONFLICT (business_id, branch_id, day) DO UPDATE SET amount = EXCLUDED.amount, user_id = EXCLUDED.user_id, updated_at = EXCLUDED.updated_at
            """, ct);
        return FormResult.Ok(true);
    }
}
