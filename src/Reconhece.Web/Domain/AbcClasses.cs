namespace Reconhece.Web.Domain;

/// <summary>
/// ABC classes by cumulative share of points, walking customers from the most points down. A customer is
/// in A while the share of everyone ranked above them is below the A threshold (so the top customer is
/// always A, even with 90% of all points), in B while it is below the B threshold, else in C.
/// This is the executable specification: the app reads the classes from the database functions
/// abc_classes / abc_class_of (Data/Functions), which walk every customer who has bought, anonymised
/// ones included, ranked by lifetime points, then spend, then id; AbcClassTests checks on a grid that
/// walking the same ranking here gives the same classes.
/// </summary>
public sealed class AbcClasses(decimal total, int classAPercent, int classBPercent)
{
    private decimal _before;

    public static bool ValidThresholds(int a, int b) => a is > 0 and < 100 && b > a && b < 100;

    /// <summary>The class of the next customer in ranking order; call once per customer, best first.</summary>
    public char Next(decimal points)
    {
        var pointsBefore = _before;
        _before += Math.Max(0, points);
        return ClassOf(points, pointsBefore, total, classAPercent, classBPercent);
    }

    /// <summary>One customer's class, from the points of everyone ranked above them (the purchase result's hint).</summary>
    public static char ClassOf(decimal points, decimal pointsAbove, decimal total, int classAPercent, int classBPercent)
    {
        if (total <= 0 || points <= 0) return 'C';
        var shareBefore = 100m * pointsAbove / total;
        return shareBefore < classAPercent ? 'A' : shareBefore < classBPercent ? 'B' : 'C';
    }

    /// <summary>The cumulative share (0–100) after the customers seen so far.</summary>
    public decimal CumulativeShare => total <= 0 ? 0m : 100m * _before / total;
}
