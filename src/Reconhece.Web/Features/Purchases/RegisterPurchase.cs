using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Features.Privacy;
using Reconhece.Web.Features.Promotions;
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

    /// <summary>Staff answered "É a mesma pessoa?" with yes: register for this phone instead.</summary>
    public string? SamePhone { get; set; }

    /// <summary>Staff answered "É a mesma pessoa?" with no: register the phone typed as a new customer.</summary>
    public bool NotSame { get; set; }

    /// <summary>
    /// The customer chosen on their page ("Registrar compra" from a customer found by name): the phone is
    /// read from the customer, so it is neither retyped nor carried in the URL.
    /// </summary>
    public Guid? CustomerId { get; set; }
}

/// <summary>An existing customer whose phone is one typo away from the one typed.</summary>
public sealed record NearCustomer(Guid Id, string Phone, string? Name);

/// <summary>
/// "Registrar compra": finds or creates the customer by phone (across all branches), stores the
/// purchase and appends the points to the ledger — in one transaction, once per form.
/// </summary>
public sealed class RegisterPurchase(AppDbContext db, NpgsqlDataSource database, CurrentBusiness current, PurchaseContextCache contexts,
    PhoneBlockList blocks, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>Set when the purchase was not written because the phone is one typo away from these customers.</summary>
    public IReadOnlyList<NearCustomer> Near { get; private set; } = [];

    // The statements are Features/Points/Sql/purchase-known.sql (a phone a customer has) and purchase.sql (a
    // new phone). A form key seen before makes either fail on the key's unique index, which undoes all of it;
    // the handler then shows the purchase that key registered.
    private static readonly string KnownSql = PointsSql.PurchaseKnown;
    private static readonly string Sql = PointsSql.Purchase;

    private const string IdempotencyIndex = "ix_purchases_business_id_idempotency_key";

    // requestedBranchId: the branch the owner picked; staff always register at their own.
    public async Task<FormResult<Guid>> HandleAsync(RegisterPurchaseInput input, Guid userId, Guid? requestedBranchId, CancellationToken ct)
    {
        var business = current.RequiredId;
        if (!string.IsNullOrWhiteSpace(input.SamePhone)) input.Phone = input.SamePhone;
        if (input.CustomerId is { } chosen)
        {
            // Another business's id finds nothing here (both walls), like a customer anonymised since.
            input.Phone = await db.Customers.Where(c => c.Id == chosen && c.AnonymizedAt == null).Select(c => c.Phone).FirstOrDefaultAsync(ct);
            if (input.Phone is null)
                return new FormResult<Guid>(Guid.Empty, [new("", t["Este cliente não foi encontrado. Digite o celular para registrar."])]);
        }
        // A phone a customer already has (picked or chosen) needs no "É a mesma pessoa?".
        var checkNear = !input.NotSame && string.IsNullOrWhiteSpace(input.SamePhone) && input.CustomerId is null;
        var phoneIsNew = false;
        // The cached context is tried first; if the statement finds it outdated, reload once and retry.
        for (var attempt = 0; ; attempt++)
        {
            var context = await contexts.GetAsync(business, userId, requestedBranchId, reload: attempt > 0, ct);
            var (errors, write) = Validate(input, context);
            if (errors.Any && attempt == 0 && context.BranchId is null) continue; // maybe just reassigned: look again
            if (errors.Any)
            {
                // "(11) 8765-4321": refused, but a customer with the ninth digit may be the one meant.
                if (BrazilianPhone.WithNinthDigit(input.Phone) is { } withNine)
                    Near = await db.Customers.Where(c => c.Phone == withNine).Select(c => new NearCustomer(c.Id, c.Phone, c.Name)).ToListAsync(ct);
                return errors.ToResult<Guid>();
            }
            var outcome = await WriteAsync(business, userId, requestedBranchId is not null, context, write, input.IdempotencyKey, checkNear, tryKnown: !phoneIsNew, ct);
            if (outcome.Blocked)
            {
                errors.Add(nameof(input.Phone), t["Este cliente pediu para não participar do programa. Nada foi registrado."]);
                return errors.ToResult<Guid>();
            }
            if (outcome.Near.Count > 0)
            {
                // Asked only when the names agree (or one is missing); otherwise the same write, without the check.
                Near = outcome.Near.Where(n => NearPhones.NamesMatch(write.Fields.Name, n.Name)).ToList();
                if (Near.Count > 0) return new FormResult<Guid>(Guid.Empty, [new("", t["Confira o celular: há um cadastro com um número parecido. Escolha abaixo do botão Registrar."])]);
                checkNear = false;
                phoneIsNew = true; // the new-phone statement ran: no customer has it, so straight to it again
                attempt--;
                continue;
            }
            if (outcome is { Conflict: { } other })
            {
                // The same form key with other content (IETF Idempotency-Key: 422): nothing is stored, and the
                // person sees what the key did register.
                errors.Add("", t["Este formulário já registrou outra compra: {0}, {1}. Nada foi registrado agora. Confira os dados e toque em Registrar para uma nova compra.",
                    BrazilianPhone.Format(other.Phone), other.Amount is { } a ? Format.Money(a) : t["{0} un.", other.Quantity ?? 0]]);
                return new FormResult<Guid>(other.Id, errors.Items);
            }
            if (outcome is { Id: { } id }) return FormResult.Ok(id);
            if (attempt > 0) throw new InvalidOperationException("Purchase context changed twice in a row.");
        }
    }

    /// <summary>What to write: the base points (0 with the reason when a limit stopped them) and the promotions on offer.</summary>
    private sealed record PurchaseWrite(string Phone, decimal? Amount, int? Quantity, CustomerFieldValues Fields, decimal Points,
        NoEarnReason? NoEarn, IReadOnlyList<PromotionOffer> Offers);

    private (FormErrors Errors, PurchaseWrite Write) Validate(RegisterPurchaseInput input, PurchaseContext context)
    {
        var errors = new FormErrors();
        if (context.BranchId is null)
            errors.Add("", t["Sua filial está desativada ou não foi definida. Fale com o responsável pelo negócio."]);
        var (phone, problem) = BrazilianPhone.Read(input.Phone);
        if (problem == PhoneProblem.Empty)
            errors.Add(nameof(input.Phone), t["Informe o celular do cliente."]);
        else if (problem != PhoneProblem.None)
            errors.Add(nameof(input.Phone), PhoneMessages.For(problem, input.Phone, t));
        var (amount, quantity) = ReadAmountAndQuantity(input, context.Program, errors);
        var fields = CustomerFields.Validate(input.Customer, context.Program, t, errors, prefix: nameof(input.Customer) + ".");
        if (input.IdempotencyKey == Guid.Empty)
            errors.Add("", t["O formulário expirou. Recarregue a página e registre de novo."]);
        var points = context.Program.Rule.PointsFor(amount, quantity);
        // Limits that need no history are decided here; the daily one by the statement, on the locked customer row.
        var noEarn = errors.Any ? null : context.Program.StaticNoEarnReason(points, amount);
        IReadOnlyList<PromotionOffer> offers = errors.Any || noEarn is not null || context.BranchId is not { } branch ? []
            : PromotionRules.OffersFor(context.Promotions, context.Program, clock.GetUtcNow().UtcDateTime, context.Zone, branch, points, amount, quantity);
        return (errors, new PurchaseWrite(phone, amount, quantity, fields, noEarn is null ? points : 0m, noEarn, offers));
    }

    /// <summary>What the key registered before, when it is not this purchase.</summary>
    private sealed record StoredPurchase(Guid Id, string Phone, decimal? Amount, int? Quantity, bool ForThisPhone);

    /// <summary>The purchase id; or the other purchase this key registered; or a blocked phone; or near matches; or none of these when the context was outdated.</summary>
    private sealed record WriteOutcome(Guid? Id, StoredPurchase? Conflict, bool Blocked = false)
    {
        public List<NearCustomer> Near { get; init; } = [];
    }

    private async Task<WriteOutcome> WriteAsync(Guid business, Guid userId, bool ownerChoice, PurchaseContext context,
        PurchaseWrite w, Guid key, bool checkNear, bool tryKnown, CancellationToken ct)
    {
        var purchaseId = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Periods.LocalDay(now, context.Zone);
        try
        {
            // The common case first: a phone a customer has, by the lean statement. A phone nobody has goes on
            // to purchase.sql, a second round trip that only new customers pay (docs/benchmarks.md, issue 21).
            if (tryKnown && await WriteForKnownPhoneAsync(business, userId, ownerChoice, context, w, key, purchaseId, now, today, ct))
                return new WriteOutcome(purchaseId, null);
            return await WriteForNewPhoneAsync(business, userId, ownerChoice, context, w, key, purchaseId, now, today, checkNear, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == IdempotencyIndex)
        {
            // The key was used before: nothing was written. The same purchase (a retry, a double tap, Back and
            // resubmit) shows what that form registered; a different one is refused.
            var stored = await db.Purchases.Where(x => x.IdempotencyKey == key)
                .Select(x => new StoredPurchase(x.Id, db.Customers.Where(c => c.Id == x.CustomerId).Select(c => c.Phone).First(), x.Amount, x.Quantity,
                    // The phone typed may be one merged into the customer (an alias): still the same purchase.
                    db.Customers.Any(c => c.Id == x.CustomerId && (c.Phone == w.Phone || db.CustomerAliases.Any(a => a.Phone == w.Phone && a.CustomerId == c.Id)))))
                .SingleAsync(ct);
            var same = stored.ForThisPhone && stored.Amount == w.Amount && stored.Quantity == w.Quantity;
            return same ? new WriteOutcome(stored.Id, null) : new WriteOutcome(null, stored);
        }
    }

    /// <summary>purchase-known.sql, with the bonus statement in the same command only when an offer that needs history may win.</summary>
    private async Task<bool> WriteForKnownPhoneAsync(Guid business, Guid userId, bool ownerChoice, PurchaseContext context, PurchaseWrite w,
        Guid key, Guid purchaseId, DateTime now, DateOnly today, CancellationToken ct)
    {
        await using var cmd = PurchaseCommand(KnownSql, business, userId, ownerChoice, context, w, key, purchaseId, now, today);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0) == 1;
    }

    /// <summary>purchase.sql: a new customer, unless the phone is blocked, merged into another, or one typo from someone's.</summary>
    private async Task<WriteOutcome> WriteForNewPhoneAsync(Guid business, Guid userId, bool ownerChoice, PurchaseContext context, PurchaseWrite w,
        Guid key, Guid purchaseId, DateTime now, DateOnly today, bool checkNear, CancellationToken ct)
    {
        await using var cmd = PurchaseCommand(Sql, business, userId, ownerChoice, context, w, key, purchaseId, now, today);
        var p = cmd.Parameters;
        p.AddWithValue("new_customer", Guid.CreateVersion7());
        p.AddWithValue("phone_hash", blocks.Hash(w.Phone));
        p.AddWithValue("check_near", checkNear);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.GetBoolean(1)) return new WriteOutcome(null, null, Blocked: true);
        if (!reader.IsDBNull(2))
        {
            var ids = reader.GetFieldValue<Guid[]>(2);
            var phones = reader.GetFieldValue<string[]>(3);
            var names = reader.GetFieldValue<string[]>(4);
            return new WriteOutcome(null, null)
            {
                Near = ids.Select((id, i) => new NearCustomer(id, phones[i], names[i] == "" ? null : names[i])).ToList(),
            };
        }
        return new WriteOutcome(reader.GetInt64(0) == 1 ? purchaseId : null, null);
    }

    /// <summary>
    /// A purchase statement with its parameters. When the best offer needs no history the statement writes
    /// that bonus itself; otherwise the bonus statement follows in the same command (one round trip, one
    /// transaction) and weighs the offers that may beat it.
    /// </summary>
    private NpgsqlCommand PurchaseCommand(string purchase, Guid business, Guid userId, bool ownerChoice, PurchaseContext context, PurchaseWrite w,
        Guid key, Guid purchaseId, DateTime now, DateOnly today)
    {
        var toWeigh = PromotionRules.ToWeigh(w.Offers);
        var cmd = TenantSql.Command(database, business, toWeigh.Count == 0 ? purchase : purchase + ";\n" + PointsSql.PromotionBonus);
        var p = cmd.Parameters;
        var sure = toWeigh.Count == 0 && w.Offers.Count > 0 ? w.Offers[0] : null;
        p.AddWithValue("bonus", sure?.Bonus ?? 0m);
        p.Add(new NpgsqlParameter("bonus_promotion", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)sure?.PromotionId ?? DBNull.Value });
        if (toWeigh.Count > 0) AddOffers(p, toWeigh, context, today);
        p.Add(new NpgsqlParameter("today", NpgsqlTypes.NpgsqlDbType.Date) { Value = today });
        p.AddWithValue("earns", w.NoEarn is null);
        p.Add(new NpgsqlParameter("no_earn", NpgsqlTypes.NpgsqlDbType.Integer) { Value = w.NoEarn is { } why ? (int)why : DBNull.Value });
        // The enums' values travel as parameters: the C# enums are their one home.
        p.AddWithValue("daily_limit", (int)NoEarnReason.DailyLimit);
        p.AddWithValue("earn_kind", (int)LedgerKind.Earn);
        p.AddWithValue("bonus_kind", (int)LedgerKind.PromotionBonus);
        p.Add(new NpgsqlParameter("max_per_day", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)context.Program.MaxEarningPurchasesPerDay ?? DBNull.Value });
        p.AddWithValue("business", business);
        p.AddWithValue("phone", w.Phone);
        p.Add(new NpgsqlParameter("name", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)w.Fields.Name ?? DBNull.Value });
        p.Add(new NpgsqlParameter("email", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)w.Fields.Email ?? DBNull.Value });
        p.Add(new NpgsqlParameter("birth", NpgsqlTypes.NpgsqlDbType.Date) { Value = (object?)w.Fields.BirthDate ?? DBNull.Value });
        p.AddWithValue("points", w.Points);
        p.AddWithValue("spend", w.Amount ?? 0m);
        p.AddWithValue("goal", context.Program.Goal);
        p.AddWithValue("now", now);
        p.AddWithValue("branch", context.BranchId!.Value);
        p.AddWithValue("purchase", purchaseId);
        p.AddWithValue("user", userId);
        p.Add(new NpgsqlParameter("amount", NpgsqlTypes.NpgsqlDbType.Numeric) { Value = (object?)w.Amount ?? DBNull.Value });
        p.Add(new NpgsqlParameter("quantity", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)w.Quantity ?? DBNull.Value });
        p.AddWithValue("key", key);
        p.Add(new NpgsqlParameter("version", NpgsqlTypes.NpgsqlDbType.Xid) { Value = context.ProgramVersion });
        p.AddWithValue("owner_choice", ownerChoice);
        return cmd;
    }

    /// <summary>The offers promotion-bonus.sql weighs, best first.</summary>
    private static void AddOffers(NpgsqlParameterCollection p, IReadOnlyList<PromotionOffer> offers, PurchaseContext context, DateOnly today)
    {
        p.Add(new NpgsqlParameter("promotions", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid) { Value = offers.Select(o => o.PromotionId).ToArray() });
        p.Add(new NpgsqlParameter("bonuses", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Numeric) { Value = offers.Select(o => o.Bonus).ToArray() });
        p.AddWithValue("day_start", TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), context.Zone));
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
