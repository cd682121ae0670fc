using Microsoft.Extensions.Localization;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Promotions;

/// <summary>What "Valeu a pena?" may honestly say about a promotion.</summary>
public enum VerdictKind
{
    /// <summary>Against a control group large enough to conclude, with the margin known: it paid.</summary>
    Paid,
    /// <summary>Against a control group large enough to conclude, with the margin known: it did not pay.</summary>
    DidNotPay,
    /// <summary>A control group, but too small to conclude anything.</summary>
    GroupsTooSmall,
    /// <summary>No control group and no earlier sales to compare with.</summary>
    NoBaseline,
    /// <summary>No margin in Programa: revenue is not profit, so no figure in R$.</summary>
    NoMargin,
    /// <summary>No control group: a comparison over time, which cannot say what the promotion caused.</summary>
    OverTimeOnly,
}

/// <summary>
/// The one place that decides which verdict a promotion's result supports (../shared/DOMAIN.md, "A promotion's
/// lift against a control group"): a verdict in R$ needs a control group big enough to conclude and the
/// business's margin; without a control group the page compares over time and never claims a cause; without
/// earlier sales it says there is nothing to compare with. The result page and the weekly email both read it.
/// </summary>
public static class PromotionVerdict
{
    public static VerdictKind Of(PromotionResult r) =>
        r.HasControl
            ? !r.LargeEnough ? VerdictKind.GroupsTooSmall
              : r.Net is not { } net ? VerdictKind.NoMargin
              : net >= 0 ? VerdictKind.Paid : VerdictKind.DidNotPay
            : !r.HasBaseline ? VerdictKind.NoBaseline
            : r.Net is null ? VerdictKind.NoMargin
            : VerdictKind.OverTimeOnly;

    /// <summary>The page's headline.</summary>
    public static string Headline(PromotionResult r, IStringLocalizer<SharedResource> t) => Of(r) switch
    {
        VerdictKind.Paid => t["Valeu a pena: {0}", PromotionText.MoneyWithSign(r.Net!.Value)],
        VerdictKind.DidNotPay => t["Não se pagou: {0}", PromotionText.MoneyWithSign(r.Net!.Value)],
        VerdictKind.GroupsTooSmall => t["Ainda sem veredito: os grupos são pequenos demais para concluir."],
        VerdictKind.NoBaseline => t["Sem base de comparação: faltam vendas nos {0} períodos anteriores.", PromotionResult.BaselinePeriods],
        VerdictKind.NoMargin => t["Sem veredito em R$: faturamento não é lucro."],
        _ => t["Sem grupo de controle, não há veredito: só a comparação no tempo."],
    };

    /// <summary>The weekly email's short form, lower case, to follow a semicolon.</summary>
    public static string ForEmail(PromotionResult r, IStringLocalizer<SharedResource> t) => Of(r) switch
    {
        VerdictKind.Paid => t["valeu a pena: {0}", PromotionText.MoneyWithSign(r.Net!.Value)],
        VerdictKind.DidNotPay => t["não se pagou: {0}", PromotionText.MoneyWithSign(r.Net!.Value)],
        VerdictKind.GroupsTooSmall => t["grupos ainda pequenos para concluir"],
        VerdictKind.NoBaseline => t["sem base de comparação"],
        VerdictKind.NoMargin => t["sem veredito em R$ (informe a margem em Programa)"],
        _ => t["sem grupo de controle: {0} na comparação no tempo", PromotionText.MoneyWithSign(r.Net!.Value)],
    };

    /// <summary>"de cada 10 clientes do público, 2 a mais voltaram": the lift in plain words, before any interval.</summary>
    public static string PlainLift(double difference, IStringLocalizer<SharedResource> t)
    {
        // Out of 10 reads best; a lift under half a customer in 10 needs 100 to show at all.
        var per = Math.Abs(difference) * 10 >= 0.95 ? 10 : 100;
        var count = (int)Math.Round(Math.Abs(difference) * per, MidpointRounding.AwayFromZero);
        if (count == 0) return t["O público e o grupo de controle voltaram na mesma proporção."];
        return difference > 0
            ? t.Plural(count, "De cada {0} clientes do público, {1} a mais voltou, comparando com o grupo de controle.", "De cada {0} clientes do público, {1} a mais voltaram, comparando com o grupo de controle.", per, count)
            : t.Plural(count, "De cada {0} clientes do público, {1} a menos voltou, comparando com o grupo de controle.", "De cada {0} clientes do público, {1} a menos voltaram, comparando com o grupo de controle.", per, count);
    }

    /// <summary>The arithmetic behind a figure in R$, so the owner can check it; null when there is no such figure.</summary>
    public static string? Formula(PromotionResult r, IStringLocalizer<SharedResource> t) => r.Net is not { } net ? null
        : t["{0} de faturamento a mais ({1}) × {2}% de margem = {3}; − {4} em pontos de bônus − {5} de custo próprio = {6}",
            PromotionText.MoneyWithSign(r.IncrementalRevenue),
            r.HasControl ? t["público × controle, por cliente, vezes o público"].Value : t["durante − média antes"].Value,
            Format.Points(r.MarginPercent!.Value), PromotionText.MoneyWithSign(r.IncrementalMargin!.Value),
            Format.Money(r.BonusCost ?? 0m), Format.Money(r.Promotion.OwnerCost ?? 0m), PromotionText.MoneyWithSign(net)].Value;
}
