using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.ProgramSettings;

public sealed class ProgramInput
{
    public PointRuleKind RuleKind { get; set; }
    public string? ValuePerPoint { get; set; }
    public PointRounding Rounding { get; set; }
    public string? UnitName { get; set; }
    public string? PointsPerUnit { get; set; }
    public string? Goal { get; set; }
    public string? RecognitionText { get; set; }
    public string? InactivityDays { get; set; }
    public bool CollectName { get; set; }
    public bool CollectEmail { get; set; }
    public bool CollectBirthDate { get; set; }
    public bool StaffCanHandOver { get; set; }
    public string? InvitationMessage { get; set; }
    public string? RewardValue { get; set; }
    public string? GrossMarginPercent { get; set; }
    public string? MaxEarningPurchasesPerDay { get; set; }
    public string? MinEarningAmount { get; set; }
    public string? MaxPointsPerPurchase { get; set; }
    public string? PointsExpiryMonths { get; set; }

    public static ProgramInput From(LoyaltyProgram p) => new()
    {
        RuleKind = p.RuleKind, ValuePerPoint = Format.MoneyInput(p.ValuePerPoint), Rounding = p.Rounding, UnitName = p.UnitName,
        PointsPerUnit = Format.Points(p.PointsPerUnit), Goal = Format.Points(p.Goal), RecognitionText = p.RecognitionText,
        InactivityDays = p.InactivityDays.ToString(Format.PtBr), CollectName = p.CollectName, CollectEmail = p.CollectEmail,
        CollectBirthDate = p.CollectBirthDate, InvitationMessage = p.InvitationMessage, StaffCanHandOver = p.StaffCanHandOver,
        RewardValue = p.RewardValue is { } r ? Format.MoneyInput(r) : null,
        GrossMarginPercent = p.GrossMarginPercent is { } g ? Format.Points(g) : null,
        MaxEarningPurchasesPerDay = p.MaxEarningPurchasesPerDay?.ToString(Format.PtBr),
        MinEarningAmount = p.MinEarningAmount is { } m ? Format.MoneyInput(m) : null,
        MaxPointsPerPurchase = p.MaxPointsPerPurchase is { } x ? Format.Points(x) : null,
        PointsExpiryMonths = p.PointsExpiryMonths?.ToString(Format.PtBr),
    };
}

/// <summary>
/// Configurações do programa. A new rule applies to new purchases only (points are stored per purchase);
/// every change is recorded (who, when, old → new); a new goal re-evaluates who is eligible.
/// </summary>
public sealed class SaveProgramSettings(AppDbContext db, CurrentBusiness current, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const string AuditSubject = "Programa";

    public async Task<FormResult<bool>> HandleAsync(ProgramInput input, Guid userId, CancellationToken ct)
    {
        var errors = new FormErrors();
        var fields = new FormFields(t, errors);
        var byUnit = input.RuleKind == PointRuleKind.ByUnit;
        if (!Enum.IsDefined(input.RuleKind)) errors.Add(nameof(input.RuleKind), t["Escolha como os pontos são contados."]);
        if (!Enum.IsDefined(input.Rounding)) errors.Add(nameof(input.Rounding), t["Escolha o arredondamento."]);
        var valuePerPoint = fields.Positive(input.ValuePerPoint, nameof(input.ValuePerPoint), 10_000m, required: !byUnit, "0,50");
        var pointsPerUnit = fields.Positive(input.PointsPerUnit, nameof(input.PointsPerUnit), 10_000m, required: byUnit, "0,50");
        var goal = fields.Positive(input.Goal, nameof(input.Goal), 10_000_000m, required: true, "0,50");
        var unitName = input.UnitName?.Trim();
        if (byUnit && string.IsNullOrEmpty(unitName)) errors.Add(nameof(input.UnitName), t["Informe o que é contado, ex.: garrafa de vinho."]);
        else if (unitName is { Length: > 60 }) errors.Add(nameof(input.UnitName), t["Use no máximo {0} caracteres.", 60]);
        var text = input.RecognitionText?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(nameof(input.RecognitionText), t["Descreva o reconhecimento, ex.: brinde de R$ 25 em sorvete."]);
        else if (text.Length > 200) errors.Add(nameof(input.RecognitionText), t["Use no máximo {0} caracteres.", 200]);
        if (!MoneyText.TryParseQuantity(input.InactivityDays, out var days) || days is < 1 or > 365)
            errors.Add(nameof(input.InactivityDays), t["Informe um número de dias entre 1 e 365."]);
        var invitation = input.InvitationMessage?.Trim();
        if (string.IsNullOrEmpty(invitation)) errors.Add(nameof(input.InvitationMessage), t["Escreva a mensagem do convite."]);
        else if (invitation.Length > 500) errors.Add(nameof(input.InvitationMessage), t["Use no máximo {0} caracteres.", 500]);
        var rewardValue = fields.Positive(input.RewardValue, nameof(input.RewardValue), 1_000_000m, required: false, "0,50");
        // "30%" is how people write a margin; the sign is dropped before the number is read.
        var margin = fields.Positive(input.GrossMarginPercent?.Trim().TrimEnd('%'), nameof(input.GrossMarginPercent), 100m, required: false, "30",
            t["Informe a margem entre 0,1% e 100%, ex.: 30."]);
        var minEarning = fields.Positive(input.MinEarningAmount, nameof(input.MinEarningAmount), PointRule.MaxAmount, required: false, "0,50");
        var maxPoints = fields.Positive(input.MaxPointsPerPurchase, nameof(input.MaxPointsPerPurchase), 10_000_000m, required: false, "0,50");
        var perDay = fields.Whole(input.MaxEarningPurchasesPerDay, nameof(input.MaxEarningPurchasesPerDay), 1, 100,
            t["Informe de 1 a 100 compras por dia, ou deixe em branco para não limitar."]);
        var expiry = fields.Whole(input.PointsExpiryMonths, nameof(input.PointsExpiryMonths), 1, 120,
            t["Informe de 1 a 120 meses, ou deixe em branco para os pontos não vencerem."]);
        if (errors.Any) return errors.ToResult<bool>();

        var program = await db.Programs.SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = Describe(program);
        var oldGoal = program.Goal;
        program.RuleKind = input.RuleKind;
        program.Rounding = input.Rounding;
        if (valuePerPoint is { } v) program.ValuePerPoint = v;
        if (pointsPerUnit is { } u) program.PointsPerUnit = u;
        program.UnitName = string.IsNullOrEmpty(unitName) ? null : unitName;
        program.Goal = goal!.Value;
        program.RecognitionText = text!;
        program.InactivityDays = days;
        program.CollectName = input.CollectName;
        program.CollectEmail = input.CollectEmail;
        program.CollectBirthDate = input.CollectBirthDate;
        program.InvitationMessage = invitation!;
        program.StaffCanHandOver = input.StaffCanHandOver;
        program.RewardValue = rewardValue;
        program.GrossMarginPercent = margin;
        program.MinEarningAmount = minEarning;
        program.MaxPointsPerPurchase = maxPoints;
        program.MaxEarningPurchasesPerDay = perDay;
        // Switching expiry on, or shortening it, starts the new period today for points already earned.
        if (expiry is { } months && (program.PointsExpiryMonths is not { } was || months < was)) program.PointsExpirySince = now;
        program.PointsExpiryMonths = expiry;
        var after = Describe(program);
        ChangeLog.Record(db, userId, now, AuditSubject, program.Id, before, after);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (program.Goal != oldGoal)
        {
            var business = current.RequiredId;
            await using var cmd = TenantSql.Command(db, PointsSql.GoalChanged);
            cmd.Parameters.AddWithValue("goal", program.Goal);
            cmd.Parameters.AddWithValue("now", now);
            cmd.Parameters.AddWithValue("business", business);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return FormResult.Ok(true);
    }

    /// <summary>The settings as the owner reads them, for the change log.</summary>
    private static Dictionary<string, string> Describe(LoyaltyProgram p) => new()
    {
        ["Regra de pontos"] = p.RuleKind == PointRuleKind.ByValue ? "por valor" : "por unidade",
        ["Valor do ponto"] = Format.Money(p.ValuePerPoint),
        ["Arredondamento"] = ProgramLabels.Of(p.Rounding),
        ["Item contado"] = p.UnitName ?? "",
        ["Pontos por unidade"] = Format.Points(p.PointsPerUnit),
        ["Meta"] = Format.Points(p.Goal),
        ["Reconhecimento"] = p.RecognitionText,
        ["Atendentes entregam o brinde"] = p.StaffCanHandOver ? "sim" : "não",
        ["Dias para inativo"] = p.InactivityDays.ToString(Format.PtBr),
        ["Coleta nome"] = p.CollectName ? "sim" : "não",
        ["Coleta e-mail"] = p.CollectEmail ? "sim" : "não",
        ["Coleta nascimento"] = p.CollectBirthDate ? "sim" : "não",
        ["Mensagem do convite"] = p.InvitationMessage,
        ["Valor do reconhecimento"] = p.RewardValue is { } r ? Format.Money(r) : "",
        ["Margem média sobre as vendas"] = p.GrossMarginPercent is { } g ? Format.Points(g) + "%" : "",
        ["Compras que pontuam por dia"] = p.MaxEarningPurchasesPerDay?.ToString(Format.PtBr) ?? "",
        ["Valor mínimo para pontuar"] = p.MinEarningAmount is { } m ? Format.Money(m) : "",
        ["Compra que não ganha pontos: acima de"] = p.MaxPointsPerPurchase is { } x ? Format.Points(x) : "",
        ["Pontos vencem em (meses)"] = p.PointsExpiryMonths?.ToString(Format.PtBr) ?? "",
    };
}
