namespace Reconhece.Web.Domain;

/// <summary>Progress towards the recognition goal, and what a recognition leaves behind.</summary>
public static class Goal
{
    /// <summary>
    /// Whether the balance reaches the goal (a goal of 0 turns recognition off). In LINQ it runs in the
    /// database as goal_reached(balance, goal), the function every points statement uses; a test checks
    /// both give the same answers.
    /// </summary>
    public static bool IsReached(decimal balance, decimal goal) => goal > 0 && balance >= goal;

    /// <summary>"Quase lá": the balance from which a customer below the goal is near it (the business's percent of the goal).</summary>
    public static decimal NearThreshold(decimal goal, int nearGoalPercent) => goal * nearGoalPercent / 100m;

    /// <summary>
    /// "Quase lá", stated once: below the goal and at least the business's percent of it. Ações places the
    /// customer in the list with <see cref="NearThreshold"/>, the counter's hint asks this.
    /// </summary>
    public static bool IsNear(decimal balance, decimal goal, int nearGoalPercent) =>
        goal > 0 && !IsReached(balance, goal) && balance >= NearThreshold(goal, nearGoalPercent);

    /// <summary>Percentage 0–100 for the progress bar.</summary>
    public static int Percent(decimal balance, decimal goal) =>
        goal <= 0 ? 100 : (int)Math.Clamp(Math.Floor(balance / goal * 100m), 0m, 100m);

    /// <summary>Points still missing to reach the goal (0 when reached).</summary>
    public static decimal Missing(decimal balance, decimal goal) => Math.Max(0m, goal - balance);
}
