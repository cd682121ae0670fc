using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Dashboard;

public enum SetupStep { Rule, Team, Email, FirstPurchase }

/// <summary>
/// A new business's first steps on Início, instead of cards of zeros (issue 22): the rule in plain words with
/// the visits it implies, the team, the owner's email, the first purchase. Each step leaves the list when
/// done; "Manter assim" and "Trabalho sem equipe" are recorded (audit, subject <see cref="AuditSubject"/>).
/// </summary>
public sealed record SetupChecklist(IReadOnlyList<SetupStep> Pending, PointRule Rule, decimal Goal, string? UnitName, decimal Ticket, bool TicketIsExample)
{
    public const string AuditSubject = "Primeiros passos";

    /// <summary>Below this many purchases the shop's own average ticket says little: an example is used, and said.</summary>
    public const int PurchasesForOwnTicket = 5;

    /// <summary>The example ticket for a shop without purchases yet (named as an example on the page).</summary>
    public const decimal ExampleTicket = 20m;

    public bool Any => Pending.Count > 0;

    /// <summary>The visits to the goal at <see cref="Ticket"/> (or one unit a visit).</summary>
    public int? VisitsToGoal => ProgramSettings.ProgramSummary.Visits(Rule, Goal, Ticket).Visits;

    public static string Slug(SetupStep step) => step switch
    {
        SetupStep.Rule => "regra",
        SetupStep.Team => "equipe",
        _ => "",
    };

    public static async Task<SetupChecklist> LoadAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var program = (await db.BusinessAsync(ct)).Program;
        var dismissed = await db.Audit.Where(a => a.Subject == AuditSubject).Select(a => a.Field).ToListAsync(ct);
        var pending = new List<SetupStep>();
        if (!dismissed.Contains(Slug(SetupStep.Rule)) && !await db.Audit.AnyAsync(a => a.Subject == ProgramSettings.SaveProgramSettings.AuditSubject, ct))
            pending.Add(SetupStep.Rule);
        if (!dismissed.Contains(Slug(SetupStep.Team)) && await db.Users.CountAsync(ct) < 2) pending.Add(SetupStep.Team);
        if (!await db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync(ct)) pending.Add(SetupStep.Email);
        var sales = await db.Purchases.Where(p => p.ReversedAt == null && p.Amount != null)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Total = g.Sum(p => p.Amount) ?? 0m }).FirstOrDefaultAsync(ct);
        if (!await db.Purchases.AnyAsync(ct)) pending.Add(SetupStep.FirstPurchase);
        var own = sales is { Count: >= PurchasesForOwnTicket };
        return new SetupChecklist(pending, program.Rule, program.Goal, program.UnitName, own ? Math.Round(sales!.Total / sales.Count, 2) : ExampleTicket, !own);
    }
}
