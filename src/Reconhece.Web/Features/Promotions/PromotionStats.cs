namespace Reconhece.Web.Features.Promotions;

/// <summary>A difference with its 95% confidence interval.</summary>
public readonly record struct Interval(double Estimate, double Lower, double Upper)
{
    /// <summary>The interval leaves out zero: the data show a difference, in this direction.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;
}

/// <summary>
/// The statistics of a promotion's result, as ../shared/DOMAIN.md sets them out ("A promotion's lift against a
/// control group"): the Newcombe–Wilson hybrid score interval for a difference of two return rates, and a
/// normal interval for a difference of two mean revenues per customer.
/// </summary>
public static class PromotionStats
{
    private const double Z = 1.96;

    /// <summary>Below this many customers in a group, or this many returns, no verdict is declared.</summary>
    public const int MinGroup = 30;
    public const int MinReturns = 5;

    /// <summary>The Wilson score interval of x successes in n.</summary>
    public static (double Lower, double Upper) Wilson(int x, int n)
    {
        if (n <= 0) return (0, 1);
        var p = (double)x / n;
        var centre = p + Z * Z / (2 * n);
        var spread = Z * Math.Sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n));
        var denominator = 1 + Z * Z / n;
        return ((centre - spread) / denominator, (centre + spread) / denominator);
    }

    /// <summary>p₁ − p₂ with the Newcombe–Wilson hybrid score interval.</summary>
    public static Interval RateDifference(int x1, int n1, int x2, int n2)
    {
        var p1 = n1 == 0 ? 0 : (double)x1 / n1;
        var p2 = n2 == 0 ? 0 : (double)x2 / n2;
        var (l1, u1) = Wilson(x1, n1);
        var (l2, u2) = Wilson(x2, n2);
        var d = p1 - p2;
        return new Interval(d,
            d - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)),
            d + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)));
    }

    /// <summary>Mean₁ − mean₂ with a normal interval (each group's sample variance); sums and sums of squares in.</summary>
    public static Interval MeanDifference(double sum1, double squares1, int n1, double sum2, double squares2, int n2)
    {
        var m1 = n1 == 0 ? 0 : sum1 / n1;
        var m2 = n2 == 0 ? 0 : sum2 / n2;
        static double Variance(double sum, double squares, int n) => n < 2 ? 0 : Math.Max(0, (squares - sum * sum / n) / (n - 1));
        var se = Math.Sqrt(Variance(sum1, squares1, n1) / Math.Max(1, n1) + Variance(sum2, squares2, n2) / Math.Max(1, n2));
        var d = m1 - m2;
        return new Interval(d, d - Z * se, d + Z * se);
    }

    /// <summary>Whether two groups are big enough to conclude anything (DOMAIN.md: about 30 customers and 5 returns each).</summary>
    public static bool LargeEnough(int returns1, int n1, int returns2, int n2) =>
        n1 >= MinGroup && n2 >= MinGroup && returns1 >= MinReturns && returns2 >= MinReturns;
}
