using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.ProgramPage;

/// <summary>
/// The programme's rules as a customer reads them: every rule that can change a balance, in one place for
/// the public page (/p/{slug}), its poster and the customer's card (docs/customer-card.md).
/// </summary>
public static class ProgramRules
{
    /// <summary>"A cada R$ 1,00 em compras você ganha 1 ponto."</summary>
    public static string Earning(LoyaltyProgram p, IStringLocalizer t) => p.RuleKind == PointRuleKind.ByUnit
        ? (p.PointsPerUnit == 1
            ? t["A cada {0} você ganha 1 ponto.", p.UnitName ?? t["unidade"]]
            : t["A cada {0} você ganha {1} pontos.", p.UnitName ?? t["unidade"], Format.Points(p.PointsPerUnit)])
        : t["A cada {0} em compras você ganha 1 ponto.", Format.Money(p.ValuePerPoint)];

    /// <summary>"Ao juntar 500 pontos, você ganha …"</summary>
    public static string Goal(LoyaltyProgram p, IStringLocalizer t) => p.Goal > 0
        ? t.Plural(p.Goal, "Ao juntar {0} ponto, você ganha {1}.", "Ao juntar {0} pontos, você ganha {1}.", Format.Points(p.Goal), p.RecognitionText)
        : t["A loja reconhece os clientes que mais compram."];

    /// <summary>The rules that can take points away or withhold them, then the promotions' draw; each only when it applies.</summary>
    public static IReadOnlyList<string> Limits(LoyaltyProgram p, IStringLocalizer t)
    {
        var rules = new List<string>();
        if (p.PointsExpiryMonths is { } months)
            rules.Add(t.Plural(months, "Os pontos vencem {0} mês depois da compra em que foram ganhos; os mais antigos são usados primeiro.",
                "Os pontos vencem {0} meses depois da compra em que foram ganhos; os mais antigos são usados primeiro.", months));
        else rules.Add(t["Os pontos não vencem."]);
        if (p.MinEarningAmount is { } min)
            rules.Add(t["Compras abaixo de {0} não ganham pontos.", Format.Money(min)]);
        if (p.MaxEarningPurchasesPerDay is { } perDay)
            rules.Add(t.Plural(perDay, "Só {0} compra por dia ganha pontos; as outras do mesmo dia ficam registradas, sem pontos.",
                "Só {0} compras por dia ganham pontos; as outras do mesmo dia ficam registradas, sem pontos.", perDay));
        if (p.MaxPointsPerPurchase is { } max)
            rules.Add(t.Plural(max, "Uma compra que daria mais de {0} ponto não ganha pontos: a equipe confere o valor e, se estiver errado, registra de novo.",
                "Uma compra que daria mais de {0} pontos não ganha pontos: a equipe confere o valor e, se estiver errado, registra de novo.", Format.Points(max)));
        rules.Add(t["Algumas promoções valem só para uma parte dos clientes, sorteada, para a loja medir se a promoção funciona."]);
        return rules;
    }

    /// <summary>All of them, in the order a customer reads them.</summary>
    public static IReadOnlyList<string> All(LoyaltyProgram p, IStringLocalizer t) => [Earning(p, t), Goal(p, t), .. Limits(p, t)];
}
