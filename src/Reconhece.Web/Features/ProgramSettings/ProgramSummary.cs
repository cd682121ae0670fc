using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.ProgramSettings;

/// <summary>
/// The programme in the customer's words, at the top of Programa ("Gastando R$ 50,00 o cliente ganha 50 pontos…")
/// and on Início's first steps. The points come from <see cref="PointRule.PointsFor"/>, the rule the counter
/// uses; program.js asks the server for this sentence rather than copying the rule.
/// </summary>
public static class ProgramSummary
{
    /// <summary>The purchase the sentence is told with (named in it, so it never poses as the shop's own figure).</summary>
    public const decimal ExampleAmount = 50m;

    /// <summary>Points one visit earns at <paramref name="ticket"/> (by value) or for one unit, and the visits to the goal.</summary>
    public static (decimal PerVisit, int? Visits) Visits(PointRule rule, decimal goal, decimal ticket)
    {
        var perVisit = rule.PointsFor(rule.Kind == PointRuleKind.ByValue ? ticket : null, rule.Kind == PointRuleKind.ByUnit ? 1 : null);
        return (perVisit, perVisit <= 0 ? null : (int)Math.Ceiling(goal / perVisit));
    }

    public static string Text(PointRule rule, decimal goal, string prize, string? unitName, IStringLocalizer t)
    {
        var (perVisit, visits) = Visits(rule, goal, ExampleAmount);
        var earns = rule.Kind == PointRuleKind.ByValue
            ? perVisit <= 0 ? t["Gastando {0} o cliente não ganha pontos.", Format.Money(ExampleAmount)]
                : t.Plural(perVisit, "Gastando {0} o cliente ganha {1} ponto.", "Gastando {0} o cliente ganha {1} pontos.", Format.Money(ExampleAmount), Format.Points(perVisit))
            : t.Plural(perVisit, "Comprando 1 {0} o cliente ganha {1} ponto.", "Comprando 1 {0} o cliente ganha {1} pontos.", unitName ?? t["unidade"], Format.Points(perVisit));
        if (visits is not { } n) return earns;
        var toGoal = rule.Kind == PointRuleKind.ByValue
            ? t.Plural(n, "O prêmio ({0}) sai com {1} pontos: {2} compra desse valor.", "O prêmio ({0}) sai com {1} pontos: {2} compras desse valor.", prize, Format.Points(goal), n)
            : t.Plural(n, "O prêmio ({0}) sai com {1} pontos: {2} unidade.", "O prêmio ({0}) sai com {1} pontos: {2} unidades.", prize, Format.Points(goal), n);
        return earns + " " + toGoal;
    }
}
