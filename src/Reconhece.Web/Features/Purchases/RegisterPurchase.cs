using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Purchases;

public sealed class RegisterPurchaseInput
{
    /// <summary>Made when the form is rendered; the same key twice means the same purchase.</summary>
    public Guid IdempotencyKey { get; set; }

    [Display(Name = "Celular do cliente")]
    public string? Phone { get; set; }

    [Display(Name = "Valor da compra")]
    public string? Amount { get; set; }

    [Display(Name = "Quantidade")]
    public string? Quantity { get; set; }

    public CustomerFieldsInput Customer { get; set; } = new();
}

/// <summary>
/// "Registrar compra": finds or creates the customer by phone (across all branches), stores the
/// purchase and appends the points to the ledger — in one transaction, once per form.
/// </summary>
public sealed class RegisterPurchase(AppDbContext db, CurrentBusiness current, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    // One round trip: create-or-update the customer (the row lock serialises concurrent purchases),
    // insert the purchase unless its key exists, and append the ledger entry.
    private const string Sql = """
        WITH c AS (
            INSERT INTO customers AS k (id, business_id, phone, name, email, birth_date, balance, lifetime_points, lifetime_spend,
                                        visits, first_purchase_at, last_purchase_at, eligible_since, first_branch_id, created_at)
            VALUES (@new_customer, @business, @phone, @name, @email, @birth, @points, @points, @spend, 1, @now, @now,
                    CASE WHEN @goal > 0 AND @points >= @goal THEN @now END, @branch, @now)
            ON CONFLICT (business_id, phone) DO UPDATE SET
                balance = k.balance + @points,
                lifetime_points = k.lifetime_points + @points,
                lifetime_spend = k.lifetime_spend + @spend,
                visits = k.visits + 1,
                first_purchase_at = COALESCE(k.first_purchase_at, @now),
                last_purchase_at = GREATEST(k.last_purchase_at, @now),
                eligible_since = CASE WHEN @goal > 0 AND k.balance + @points >= @goal THEN COALESCE(k.eligible_since, @now) END,
                name = COALESCE(k.name, EXCLUDED.name),
                email = COALESCE(k.email, EXCLUDED.email),
                birth_date = COALESCE(k.birth_date, EXCLUDED.birth_date)
            RETURNING k.id, k.balance, k.visits),
        p AS (
            INSERT INTO purchases (id, business_id, customer_id, branch_id, user_id, amount, quantity, points, at, idempotency_key, was_new_customer)
            SELECT @purchase, @business, c.id, @branch, @user, @amount, @quantity, @points, @now, @key, c.visits = 1 FROM c
            ON CONFLICT (business_id, idempotency_key) DO NOTHING
            RETURNING id, customer_id),
        l AS (
            INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, purchase_id)
            SELECT @business, p.customer_id, 0, @points, c.balance, @now, @user, p.id FROM p, c)
        SELECT count(*) FROM p
        """;

    public async Task<FormResult<Guid>> HandleAsync(RegisterPurchaseInput input, Guid userId, Guid branchId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().SingleAsync(ct);
        var errors = new FormErrors();
        var phone = "";
        if (string.IsNullOrWhiteSpace(input.Phone))
            errors.Add(nameof(input.Phone), t["Informe o celular do cliente."]);
        else if (!BrazilianPhone.TryNormalizeMobile(input.Phone, out phone))
            errors.Add(nameof(input.Phone), t["Celular inválido. Use DDD + número, ex.: (11) 98765-4321."]);

        var (amount, quantity) = ReadAmountAndQuantity(input, program, errors);
        var fields = CustomerFields.Validate(input.Customer, program, t, errors, prefix: nameof(input.Customer) + ".");
        if (input.IdempotencyKey == Guid.Empty)
            errors.Add("", t["O formulário expirou. Recarregue a página e registre de novo."]);
        if (errors.Any) return errors.ToResult<Guid>();

        // Already registered (a retried submit): show the first result, change nothing.
        var existing = await db.Purchases.Where(p => p.IdempotencyKey == input.IdempotencyKey).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (existing is not null) return FormResult.Ok(existing.Value);

        var points = program.Rule.PointsFor(amount, quantity);
        var purchaseId = Guid.CreateVersion7();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction());
        var p = cmd.Parameters;
        p.AddWithValue("new_customer", Guid.CreateVersion7());
        p.AddWithValue("business", current.RequiredId);
        p.AddWithValue("phone", phone);
        p.AddWithValue("name", (object?)fields.Name ?? DBNull.Value);
        p.AddWithValue("email", (object?)fields.Email ?? DBNull.Value);
        p.Add(new NpgsqlParameter("birth", NpgsqlTypes.NpgsqlDbType.Date) { Value = (object?)fields.BirthDate ?? DBNull.Value });
        p.AddWithValue("points", points);
        p.AddWithValue("spend", amount ?? 0m);
        p.AddWithValue("goal", program.Goal);
        p.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
        p.AddWithValue("branch", branchId);
        p.AddWithValue("purchase", purchaseId);
        p.AddWithValue("user", userId);
        p.Add(new NpgsqlParameter("amount", NpgsqlTypes.NpgsqlDbType.Numeric) { Value = (object?)amount ?? DBNull.Value });
        p.Add(new NpgsqlParameter("quantity", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)quantity ?? DBNull.Value });
        p.AddWithValue("key", input.IdempotencyKey);
        var inserted = (long)(await cmd.ExecuteScalarAsync(ct))!;
        if (inserted == 1)
        {
            await tx.CommitAsync(ct);
            return FormResult.Ok(purchaseId);
        }

        // The same form won a race a moment ago: undo our customer update and show that purchase.
        await tx.RollbackAsync(ct);
        return FormResult.Ok(await db.Purchases.Where(x => x.IdempotencyKey == input.IdempotencyKey).Select(x => x.Id).SingleAsync(ct));
    }

    private (decimal? Amount, int? Quantity) ReadAmountAndQuantity(RegisterPurchaseInput input, LoyaltyProgram program, FormErrors errors)
    {
        decimal? amount = null;
        int? quantity = null;
        var amountRequired = program.RuleKind == PointRuleKind.ByValue;
        if (!string.IsNullOrWhiteSpace(input.Amount))
        {
            if (!MoneyText.TryParseReais(input.Amount, out var value))
                errors.Add(nameof(input.Amount), t["Valor inválido. Use só números e vírgula, ex.: 45,90."]);
            else if (value <= 0)
                errors.Add(nameof(input.Amount), t["O valor precisa ser maior que zero."]);
            else if (value > PointRule.MaxAmount)
                errors.Add(nameof(input.Amount), t["Valor acima do limite de {0}. Confira o número digitado.", Format.Money(PointRule.MaxAmount)]);
            else amount = value;
        }
        else if (amountRequired)
        {
            errors.Add(nameof(input.Amount), t["Informe o valor da compra."]);
        }

        if (program.RuleKind == PointRuleKind.ByValue)
        {
            if (!string.IsNullOrWhiteSpace(input.Quantity))
                errors.Add(nameof(input.Quantity), t["Este programa conta pontos pelo valor da compra, não por quantidade."]);
        }
        else if (string.IsNullOrWhiteSpace(input.Quantity))
        {
            errors.Add(nameof(input.Quantity), t["Informe a quantidade."]);
        }
        else if (!MoneyText.TryParseQuantity(input.Quantity, out var q) || q <= 0)
        {
            errors.Add(nameof(input.Quantity), t["Quantidade inválida. Use um número inteiro, ex.: 2."]);
        }
        else if (q > PointRule.MaxQuantity)
        {
            errors.Add(nameof(input.Quantity), t["Quantidade acima do limite de {0}. Confira o número digitado.", PointRule.MaxQuantity]);
        }
        else quantity = q;
        return (amount, quantity);
    }
}
