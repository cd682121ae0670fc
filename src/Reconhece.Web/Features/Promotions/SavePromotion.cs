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

    public async Task<FormResult<Guid>> HandleAsync(PromotionInput input, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = (await db.BusinessAsync(ct)).Zone;
        var existing = input.Id == Guid.Empty ? null : await db.Promotions.SingleOrDefaultAsync(p => p.Id == input.Id, ct);
        var started = existing is not null && existing.HasStarted(now);
        var errors = new FormErrors();
        var fields = new FormFields(t, errors);

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(nameof(input.Name), t["Dê um nome à promoção, ex.: Terça em dobro."]);
        else if (name.Length > Promotion.NameMaxLength) errors.Add(nameof(input.Name), t["Use no máximo {0} caracteres.", Promotion.NameMaxLength]);
        var description = input.Description?.Trim();
        if (description is { Length: > Promotion.DescriptionMaxLength })
            errors.Add(nameof(input.Description), t["Use no máximo {0} caracteres.", Promotion.DescriptionMaxLength]);

        var startsOn = fields.Date(input.StartsOn, nameof(input.StartsOn));
        var endsOn = fields.Date(input.EndsOn, nameof(input.EndsOn));
        var startTime = fields.Time(input.StartTime, nameof(input.StartTime));
        var endTime = fields.Time(input.EndTime, nameof(input.EndTime));
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
                benefitValue = fields.Positive(input.ExtraPoints, nameof(input.ExtraPoints), 1_000_000m, required: true, "10") ?? 0m;
                break;
            case PromotionBenefit.PointsPerReaisAbove:
                benefitValue = fields.Positive(input.StepPoints, nameof(input.StepPoints), 1_000_000m, required: true, "10") ?? 0m;
                step = fields.Positive(input.StepAmount, nameof(input.StepAmount), PointRule.MaxAmount, required: true, "10");
                above = fields.NonNegative(input.AboveAmount, nameof(input.AboveAmount));
                break;
            default:
                errors.Add(nameof(input.Benefit), t["Escolha o benefício da promoção."]);
                break;
        }
        var minAmount = fields.Positive(input.MinAmount, nameof(input.MinAmount), PointRule.MaxAmount, required: false, "10");
        var minQuantity = fields.Whole(input.MinQuantity, nameof(input.MinQuantity), 1, PointRule.MaxQuantity);
        var maxUses = fields.Whole(input.MaxUsesPerCustomer, nameof(input.MaxUsesPerCustomer), 1, 1000);
        var maxPerDay = fields.Whole(input.MaxUsesPerDay, nameof(input.MaxUsesPerDay), 1, 100);
        var budget = fields.Positive(input.BudgetPoints, nameof(input.BudgetPoints), 100_000_000m, required: false, "10");
        var ownerCost = fields.NonNegative(input.OwnerCost, nameof(input.OwnerCost));

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
        return await Reports.AbcRanks.IdsAsync(db, current.RequiredId, (char)promotion.AudienceValue!.Value, ct);
    }
}
