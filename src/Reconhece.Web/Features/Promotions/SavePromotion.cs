using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Promotions;

/// <summary>
/// Creates or edits a promotion. For a group, the audience is drawn when the promotion is saved and split at
/// random into those who get it and a control group held out (no benefit, no contact); once the promotion
/// has started the group is frozen and the audience cannot change. Saving touches the programme's row, so
/// every cached purchase context (Features/Purchases/PurchaseContextCache) sees the change at once.
/// </summary>
public sealed class SavePromotion(AppDbContext db, CurrentBusiness current, TimeProvider clock, IStringLocalizer<SharedResource> t, Segments.RecomputeSegments segments)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH'h'mm", "H'h'"];

    public async Task<FormResult<Guid>> HandleAsync(PromotionInput input, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = (await db.BusinessAsync(ct)).Zone;
        var existing = input.Id == Guid.Empty ? null : await db.Promotions.SingleOrDefaultAsync(p => p.Id == input.Id, ct);
        var started = existing is not null && existing.HasStarted(now);
        var errors = new FormErrors();

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(nameof(input.Name), t["Dê um nome à promoção, ex.: Terça em dobro."]);
        else if (name.Length > Promotion.NameMaxLength) errors.Add(nameof(input.Name), t["Use no máximo {0} caracteres.", Promotion.NameMaxLength]);
        var description = input.Description?.Trim();
        if (description is { Length: > Promotion.DescriptionMaxLength })
            errors.Add(nameof(input.Description), t["Use no máximo {0} caracteres.", Promotion.DescriptionMaxLength]);

        var startsOn = Date(input.StartsOn, nameof(input.StartsOn), errors);
        var endsOn = Date(input.EndsOn, nameof(input.EndsOn), errors);
        var startTime = Time(input.StartTime, nameof(input.StartTime), errors);
        var endTime = Time(input.EndTime, nameof(input.EndTime), errors);
        DateTime startsAt = default, endsAt = default;
        if (startsOn is { } s && endsOn is { } e)
        {
            startsAt = TimeZoneInfo.ConvertTimeToUtc(s.ToDateTime(startTime ?? TimeOnly.MinValue), zone);
            // Without an hour the promotion lasts all of its last day.
            endsAt = TimeZoneInfo.ConvertTimeToUtc(endTime is { } et ? e.ToDateTime(et) : e.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            if (endsAt <= startsAt) errors.Add(nameof(input.EndsOn), t["O fim precisa ser depois do início."]);
            else if ((e.DayNumber - s.DayNumber) > 366) errors.Add(nameof(input.EndsOn), t["Uma promoção dura no máximo um ano."]);
            else if (existing is null && endsAt <= now) errors.Add(nameof(input.EndsOn), t["Esta data já passou: escolha um fim no futuro."]);
        }
        if (started && startsAt != existing!.StartsAt && startsOn is not null)
            errors.Add(nameof(input.StartsOn), t["A promoção já começou: o início não pode mudar."]);

        var weekdays = input.Weekdays.Where(Enum.IsDefined).Aggregate(0, (bits, d) => bits | (1 << (int)d));
        if (weekdays == 0) errors.Add(nameof(input.Weekdays), t["Escolha ao menos um dia da semana."]);
        var branches = await db.Branches.Select(b => b.Id).ToListAsync(ct);
        var chosen = input.BranchIds.Distinct().ToList();
        // An id from another business (or made up) is not one of ours: refused, never stored.
        if (chosen.Any(b => !branches.Contains(b))) errors.Add(nameof(input.BranchIds), t["Filial desconhecida. Recarregue a página e escolha de novo."]);

        decimal benefitValue = 0m;
        decimal? step = null, above = null;
        switch (input.Benefit)
        {
            case PromotionBenefit.Multiplier:
                if (!MoneyText.TryParseReais(input.Multiplier, out var m) || m <= 1m || m > 100m)
                    errors.Add(nameof(input.Multiplier), t["O multiplicador precisa ser maior que 1, ex.: 2 para pontos em dobro."]);
                else benefitValue = m;
                break;
            case PromotionBenefit.ExtraPoints:
                benefitValue = Amount(input.ExtraPoints, nameof(input.ExtraPoints), required: true, 1_000_000m, errors) ?? 0m;
                break;
            case PromotionBenefit.PointsPerReaisAbove:
                benefitValue = Amount(input.StepPoints, nameof(input.StepPoints), required: true, 1_000_000m, errors) ?? 0m;
                step = Amount(input.StepAmount, nameof(input.StepAmount), required: true, PointRule.MaxAmount, errors);
                above = NonNegative(input.AboveAmount, nameof(input.AboveAmount), errors);
                break;
            default:
                errors.Add(nameof(input.Benefit), t["Escolha o benefício da promoção."]);
                break;
        }
        var minAmount = Amount(input.MinAmount, nameof(input.MinAmount), required: false, PointRule.MaxAmount, errors);
        var minQuantity = Whole(input.MinQuantity, nameof(input.MinQuantity), 1, PointRule.MaxQuantity, errors);
        var maxUses = Whole(input.MaxUsesPerCustomer, nameof(input.MaxUsesPerCustomer), 1, 1000, errors);
        var maxPerDay = Whole(input.MaxUsesPerDay, nameof(input.MaxUsesPerDay), 1, 100, errors);
        var budget = Amount(input.BudgetPoints, nameof(input.BudgetPoints), required: false, 100_000_000m, errors);
        var ownerCost = NonNegative(input.OwnerCost, nameof(input.OwnerCost), errors);

        var audience = PromotionAudiences.Read(input.Audience);
        if (audience is null) errors.Add(nameof(input.Audience), t["Escolha para quem é a promoção."]);
        var control = 0;
        if (audience is { Audience: not PromotionAudience.Everyone }
            && (!int.TryParse(input.ControlPercent?.Trim().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out control) || control is < 0 or > 50))
            errors.Add(nameof(input.ControlPercent), t["O grupo de controle vai de 0% a 50% do público."]);
        if (started && audience is { } a && (a.Audience != existing!.Audience || a.Value != existing.AudienceValue
            || (a.Audience != PromotionAudience.Everyone && control != existing.ControlPercent)))
            errors.Add(nameof(input.Audience), t["A promoção já começou: o público e o grupo de controle ficaram fixos."]);
        if (errors.Any) return errors.ToResult<Guid>();

        var promotion = existing ?? new Promotion
        {
            Id = input.Id == Guid.Empty ? Guid.CreateVersion7() : input.Id, BusinessId = current.RequiredId, Name = name!,
            CreatedAt = now, CreatedByUserId = userId,
        };
        var redraw = !started && (existing is null || existing.Audience != audience!.Value.Audience
            || existing.AudienceValue != audience.Value.Value || existing.ControlPercent != control);
        promotion.Name = name!;
        promotion.Description = string.IsNullOrEmpty(description) ? null : description;
        promotion.StartsAt = startsAt;
        promotion.EndsAt = endsAt;
        promotion.Weekdays = weekdays;
        promotion.BranchIds = chosen.Count == 0 || chosen.Count == branches.Count ? null : chosen;
        promotion.Benefit = input.Benefit;
        promotion.BenefitValue = benefitValue;
        promotion.StepAmount = step;
        promotion.AboveAmount = input.Benefit == PromotionBenefit.PointsPerReaisAbove ? above ?? 0m : null;
        promotion.MinAmount = minAmount;
        promotion.MinQuantity = minQuantity;
        promotion.MaxUsesPerCustomer = maxUses;
        promotion.MaxUsesPerDay = maxPerDay;
        promotion.BudgetPoints = budget;
        promotion.OwnerCost = ownerCost;
        promotion.Audience = audience!.Value.Audience;
        promotion.AudienceValue = audience.Value.Value;
        promotion.ControlPercent = promotion.Audience == PromotionAudience.Everyone ? 0 : control;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (existing is null) db.Promotions.Add(promotion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException x) when (existing is null && x.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same form sent twice (a double tap): the first one created it.
            return FormResult.Ok(promotion.Id);
        }
        if (redraw) await DrawAudienceAsync(promotion, now, ct);
        // A new row version for the programme: cached purchase contexts reload and see the promotion.
        await Purchases.PurchaseContextCache.InvalidateAsync(db, ct);
        await tx.CommitAsync(ct);
        return FormResult.Ok(promotion.Id);
    }

    /// <summary>Ends a running promotion now ("Encerrar agora"); its results stay.</summary>
    public async Task<bool> StopAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stopped = await db.Promotions.Where(p => p.Id == id && p.StoppedAt == null && p.EndsAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StoppedAt, now), ct);
        await Purchases.PurchaseContextCache.InvalidateAsync(db, ct);
        await tx.CommitAsync(ct);
        return stopped > 0;
    }

    /// <summary>The group's customers now, shuffled; the first ControlPercent% are held out as the control group.</summary>
    private async Task DrawAudienceAsync(Promotion promotion, DateTime now, CancellationToken ct)
    {
        await db.PromotionMembers.Where(m => m.PromotionId == promotion.Id).ExecuteDeleteAsync(ct);
        if (promotion.Audience == PromotionAudience.Everyone) return;
        var ids = await AudienceIdsAsync(promotion, now, ct);
        var shuffled = ids.ToArray();
        RandomNumberGenerator.Shuffle<Guid>(shuffled);
        var controls = (int)Math.Round(shuffled.Length * promotion.ControlPercent / 100m, MidpointRounding.AwayFromZero);
        await using var cmd = TenantSql.Command(db, """
            INSERT INTO promotion_members (business_id, promotion_id, customer_id, is_control)
            SELECT @business, @promotion, c, o <= @controls FROM unnest(@ids) WITH ORDINALITY AS x(c, o)
            """);
        cmd.Parameters.AddWithValue("business", promotion.BusinessId);
        cmd.Parameters.AddWithValue("promotion", promotion.Id);
        cmd.Parameters.AddWithValue("controls", (long)controls);
        cmd.Parameters.AddWithValue("ids", shuffled);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<Guid>> AudienceIdsAsync(Promotion promotion, DateTime now, CancellationToken ct)
    {
        if (promotion.Audience == PromotionAudience.AgendaList)
            return await AgendaQuery.IdsAsync(db, await AgendaContext.LoadAsync(db, ct), (AgendaList)promotion.AudienceValue!.Value, now, ct);
        if (promotion.Audience == PromotionAudience.Segment)
        {
            // As last night's run placed them (a business never scored is scored now, as Segmentos does).
            await segments.EnsureScoredAsync(ct);
            var segment = (RfvSegment)promotion.AudienceValue!.Value;
            return await db.Customers.Where(c => c.Segment == segment && c.AnonymizedAt == null).Select(c => c.Id).ToListAsync(ct);
        }
        // An ABC class as the report ranks it (abc_classes); anonymised customers are ranked but never drawn.
        var ids = await Reports.AbcRanks.IdsAsync(db, current.RequiredId, (char)promotion.AudienceValue!.Value, ct);
        var anonymised = await db.Customers.Where(c => c.AnonymizedAt != null).Select(c => c.Id).ToListAsync(ct);
        return ids.Except(anonymised).ToList();
    }

    private DateOnly? Date(string? text, string field, FormErrors errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), DateFormats, Format.PtBr, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, string.IsNullOrWhiteSpace(text) ? t["Informe a data."] : t["Data inválida. Use dd/mm/aaaa, ex.: 25/12/2026."]);
        return null;
    }

    private TimeOnly? Time(string? text, string field, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TimeOnly.TryParseExact(text.Trim(), TimeFormats, Format.PtBr, DateTimeStyles.None, out var time)) return time;
        errors.Add(field, t["Hora inválida. Use hh:mm, ex.: 18:00."]);
        return null;
    }

    private decimal? Amount(string? text, string field, bool required, decimal max, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, t["Informe um valor."]);
            return null;
        }
        if (!MoneyText.TryParseReais(text, out var value) || value <= 0) errors.Add(field, t["Informe um número maior que zero, ex.: 10."]);
        else if (value > max) errors.Add(field, t["Valor acima do limite. Confira o número digitado."]);
        else return value;
        return null;
    }

    private decimal? NonNegative(string? text, string field, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (MoneyText.TryParseReais(text, out var value) && value >= 0 && value <= 10_000_000m) return value;
        errors.Add(field, t["Informe um valor de zero para cima, ex.: 150,00."]);
        return null;
    }

    private int? Whole(string? text, string field, int min, int max, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (MoneyText.TryParseQuantity(text, out var value) && value >= min && value <= max) return value;
        errors.Add(field, t["Informe um número inteiro de {0} a {1}, ou deixe em branco.", min, max]);
        return null;
    }
}
