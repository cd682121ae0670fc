using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
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
    // One statement, one round trip, its own transaction: create-or-update the customer (the row lock
    // serialises concurrent purchases for one customer), insert the purchase and append the ledger entry.
    // A form key seen before makes the purchase insert fail on its unique index, which undoes the whole
    // statement, customer update included; the handler then shows the purchase that key registered.
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
            RETURNING id, customer_id),
        l AS (
            INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, purchase_id)
            SELECT @business, p.customer_id, 0, @points, c.balance, @now, @user, p.id FROM p, c)
        SELECT count(*) FROM p
        """;

    // What the purchase needs to know before it is written, in one round trip: the rule, the goal, and
    // the branch to register at (staff: their own, if active; the owner: the one chosen, if active).
    private const string ContextSql = """
        SELECT p.rule_kind, p.value_per_point, p.rounding, p.points_per_unit, p.goal,
               p.collect_name, p.collect_email, p.collect_birth_date,
               (SELECT b.id FROM branches b
                 WHERE b.business_id = @business AND b.is_active
                   AND b.id = COALESCE(@requested, (SELECT u.branch_id FROM users u WHERE u.id = @user AND u.business_id = @business))) AS branch_id
        FROM loyalty_programs p WHERE p.business_id = @business
        """;

    private const string IdempotencyIndex = "ix_purchases_business_id_idempotency_key";

    // requestedBranchId: the branch the owner picked; staff always register at their own.
    public async Task<FormResult<Guid>> HandleAsync(RegisterPurchaseInput input, Guid userId, Guid? requestedBranchId, CancellationToken ct)
    {
        var business = current.RequiredId;
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var (program, branchId) = await ContextAsync(conn, business, userId, requestedBranchId, ct);
            var errors = new FormErrors();
            if (branchId is null)
                errors.Add("", t["Sua filial está desativada ou não foi definida. Fale com o dono do negócio."]);
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

            var points = program.Rule.PointsFor(amount, quantity);
            var purchaseId = Guid.CreateVersion7();
            await using var cmd = new NpgsqlCommand(Sql, conn);
            var p = cmd.Parameters;
            p.AddWithValue("new_customer", Guid.CreateVersion7());
            p.AddWithValue("business", business);
            p.AddWithValue("phone", phone);
            p.AddWithValue("name", (object?)fields.Name ?? DBNull.Value);
            p.AddWithValue("email", (object?)fields.Email ?? DBNull.Value);
            p.Add(new NpgsqlParameter("birth", NpgsqlTypes.NpgsqlDbType.Date) { Value = (object?)fields.BirthDate ?? DBNull.Value });
            p.AddWithValue("points", points);
            p.AddWithValue("spend", amount ?? 0m);
            p.AddWithValue("goal", program.Goal);
            p.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
            p.AddWithValue("branch", branchId!.Value);
            p.AddWithValue("purchase", purchaseId);
            p.AddWithValue("user", userId);
            p.Add(new NpgsqlParameter("amount", NpgsqlTypes.NpgsqlDbType.Numeric) { Value = (object?)amount ?? DBNull.Value });
            p.Add(new NpgsqlParameter("quantity", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)quantity ?? DBNull.Value });
            p.AddWithValue("key", input.IdempotencyKey);
            try
            {
                await cmd.ExecuteScalarAsync(ct);
                return FormResult.Ok(purchaseId);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == IdempotencyIndex)
            {
                // A retry or a double tap: nothing was written; show the purchase this form registered.
                return FormResult.Ok(await db.Purchases.Where(x => x.IdempotencyKey == input.IdempotencyKey).Select(x => x.Id).SingleAsync(ct));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(LoyaltyProgram Program, Guid? BranchId)> ContextAsync(
        NpgsqlConnection conn, Guid business, Guid userId, Guid? requestedBranchId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(ContextSql, conn);
        cmd.Parameters.AddWithValue("business", business);
        cmd.Parameters.AddWithValue("user", userId);
        cmd.Parameters.Add(new NpgsqlParameter("requested", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)requestedBranchId ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException("The business has no loyalty program.");
        var program = new LoyaltyProgram
        {
            BusinessId = business, RuleKind = (PointRuleKind)r.GetInt32(0), ValuePerPoint = r.GetDecimal(1),
            Rounding = (PointRounding)r.GetInt32(2), PointsPerUnit = r.GetDecimal(3), Goal = r.GetDecimal(4),
            CollectName = r.GetBoolean(5), CollectEmail = r.GetBoolean(6), CollectBirthDate = r.GetBoolean(7),
        };
        return (program, r.IsDBNull(8) ? null : r.GetGuid(8));
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
