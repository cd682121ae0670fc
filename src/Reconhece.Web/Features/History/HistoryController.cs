using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.History;

public sealed record HistoryPage(
    HistoryGrain Grain, IReadOnlyList<HistoryPeriod> Periods, IReadOnlyList<HistoryMetric> Metrics,
    IReadOnlyList<(Guid Id, string Name)> Branches, Guid? BranchId, decimal? RewardValue)
{
    public string Query(HistoryGrain? grain = null) =>
        $"por={((grain ?? Grain) == HistoryGrain.Month ? "mes" : "semana")}" + (BranchId is { } b ? $"&branchId={b}" : "");
}

/// <summary>Painel → Histórico (owner): the last 12 months or weeks, charts and their tables, and a CSV of each.</summary>
[Authorize(Policy = Policies.Owner), Route("/painel/historico")]
public sealed class HistoryController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? por, Guid? branchId, CancellationToken ct)
    {
        var page = await LoadAsync(por, branchId, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>"Baixar CSV": one metric's table, pt-BR CSV.</summary>
    [HttpGet("{metrica}.csv")]
    public async Task<IActionResult> Csv(string metrica, string? por, Guid? branchId, CancellationToken ct)
    {
        var page = await LoadAsync(por, branchId, ct);
        var metric = page?.Metrics.FirstOrDefault(m => m.Slug == metrica);
        if (page is null || metric is null) return NotFound();
        using var stream = new MemoryStream();
        using (var csv = PtBrCsv.Writer(stream))
        {
            csv.WriteField(page.Grain == HistoryGrain.Month ? t["Mês"] : t["Semana (segunda-feira)"]);
            csv.WriteField(metric.Title);
            csv.EndRecord();
            foreach (var p in page.Periods)
            {
                csv.WriteField(page.Grain == HistoryGrain.Month ? p.Start.ToString("MM/yyyy", Format.PtBr) : Format.Date(p.Start));
                csv.WriteField(metric.Value(p)?.ToString(Format.PtBr) ?? "");
                csv.EndRecord();
            }
        }
        return File(stream.ToArray(), PtBrCsv.ContentType, $"historico-{metric.Slug}.csv");
    }

    private async Task<HistoryPage?> LoadAsync(string? por, Guid? branchId, CancellationToken ct)
    {
        var grain = por == "semana" ? HistoryGrain.Week : HistoryGrain.Month;
        var branches = await db.Branches.OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        // Another business's branch (or a made-up id) is not one of ours.
        if (branchId is { } b && branches.All(x => x.Id != b)) return null;
        var business = await db.BusinessAsync(ct);
        var zone = business.Zone;
        var today = Periods.LocalDay(clock.GetUtcNow().UtcDateTime, zone);
        var periods = await HistoryQuery.LoadAsync(db, business.Id, grain, today, zone, branchId, ct);
        return new HistoryPage(grain, periods, HistoryMetrics.All(t), branches.Select(x => (x.Id, x.Name)).ToList(), branchId, business.Program.RewardValue);
    }
}
