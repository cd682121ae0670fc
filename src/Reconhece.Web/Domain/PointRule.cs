namespace Reconhece.Web.Domain;

/// <summary>How many points a purchase earns. Pure arithmetic, unit-tested.</summary>
public readonly record struct PointRule(PointRuleKind Kind, decimal ValuePerPoint, PointRounding Rounding, decimal PointsPerUnit)
{
    /// <summary>Largest purchase amount accepted: a typo guard, not a business limit (R$ 100.000,00).</summary>
    public const decimal MaxAmount = 100_000m;
    /// <summary>Largest quantity accepted in one purchase under a by-unit rule.</summary>
    public const int MaxQuantity = 10_000;

    public decimal PointsFor(decimal? amount, int? quantity) => Kind switch
    {
        PointRuleKind.ByValue => Round((amount ?? 0m) / ValuePerPoint),
        PointRuleKind.ByUnit => (quantity ?? 0) * PointsPerUnit,
        _ => throw new InvalidOperationException($"Unknown rule {Kind}"),
    };

    /// <summary>Points as this rule rounds them (a promotion's multiplied bonus too).</summary>
    public decimal Round(decimal raw) => Rounding switch
    {
        PointRounding.WholeDown => Math.Floor(raw),
        PointRounding.WholeNearest => Math.Round(raw, 0, MidpointRounding.AwayFromZero),
        PointRounding.Fractional => Math.Floor(raw * 100m) / 100m,
        _ => throw new InvalidOperationException($"Unknown rounding {Rounding}"),
    };
}
