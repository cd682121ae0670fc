using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Privacy;

public sealed class PrivacySettingsInput
{
    public string? PageText { get; set; }
    /// <summary>Empty: off.</summary>
    public string? RetentionYears { get; set; }
}

public sealed record OpenRequest(Guid Id, Guid CustomerId, string? Name, string Phone, PrivacyRight Right, DateOnly RequestedOn, DateOnly DueOn);

public sealed record PrivacyOverview(IReadOnlyList<OpenRequest> Open, DateOnly Today, string? Slug, PrivacySettingsInput Input, int Blocked, ChangeList Changes);

/// <summary>"Privacidade" (owner): the requests waiting for an answer, the public page's text and the retention period.</summary>
[Authorize(Policy = Policies.Owner), Route("/privacidade")]
public sealed class PrivacyController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private const string ViewPath = "/Features/Privacy/Index.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var privacy = (await db.BusinessAsync(ct)).Privacy;
        return View(ViewPath, await OverviewAsync(new PrivacySettingsInput { PageText = privacy.PageText, RetentionYears = privacy.RetentionYears?.ToString(Format.PtBr) }, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(PrivacySettingsInput input, CancellationToken ct)
    {
        var errors = new FormErrors();
        int? years = null;
        if (!string.IsNullOrWhiteSpace(input.RetentionYears))
        {
            if (!int.TryParse(input.RetentionYears.Trim(), System.Globalization.NumberStyles.None, Format.PtBr, out var y) || y < 1 || y > PrivacySettings.MaxRetentionYears)
                errors.Add(nameof(input.RetentionYears), t["Use um número de anos de 1 a {0}, ou deixe em branco para não anonimizar automaticamente.", PrivacySettings.MaxRetentionYears]);
            else years = y;
        }
        var text = string.IsNullOrWhiteSpace(input.PageText) ? null : input.PageText.Trim().ReplaceLineEndings("\n");
        if (text?.Length > PrivacySettings.PageTextMaxLength)
            errors.Add(nameof(input.PageText), t["Use no máximo {0} caracteres.", PrivacySettings.PageTextMaxLength]);
        if (errors.Any)
        {
            errors.ToResult<bool>().CopyTo(ModelState);
            return View(ViewPath, await OverviewAsync(input, ct));
        }
        var business = await db.Businesses.SingleAsync(ct);
        if (business.Privacy.RetentionYears != years)
            db.Audit.Add(new AuditEntry
            {
                UserId = User.UserId(), At = clock.GetUtcNow().UtcDateTime, Subject = "Privacidade", SubjectId = business.Id, Field = "Prazo de guarda (anos)",
                OldValue = business.Privacy.RetentionYears?.ToString(Format.PtBr), NewValue = years?.ToString(Format.PtBr),
            });
        business.Privacy.PageText = text;
        business.Privacy.RetentionYears = years;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Privacidade salva."].Value;
        return Redirect("/privacidade");
    }

    private async Task<PrivacyOverview> OverviewAsync(PrivacySettingsInput input, CancellationToken ct)
    {
        var open = await db.PrivacyRequests.Where(r => r.AnsweredAt == null).OrderBy(r => r.DueOn)
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new OpenRequest(r.Id, c.Id, c.Name, c.Phone, r.Right, r.RequestedOn, r.DueOn))
            .ToListAsync(ct);
        var zone = (await db.BusinessAsync(ct)).Zone;
        // What was done about privacy: the retention setting, anonymisations (by the owner or the daily job), blocks, imports.
        string[] fields = [AnonymiseCustomer.AuditField, AnonymiseCustomer.BlockAuditField];
        var changes = await db.Audit.Where(a => a.Subject == "Privacidade" || a.Subject == "Importação" || (a.Subject == "Cliente" && fields.Contains(a.Field)))
            .OrderByDescending(a => a.Id).Take(30)
            .Select(a => new Change(a.At, db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).First(), a.Field, a.OldValue, a.NewValue))
            .ToListAsync(ct);
        return new PrivacyOverview(open, Periods.LocalDay(clock.GetUtcNow().UtcDateTime, zone),
            (await db.BusinessAsync(ct)).Privacy.Slug, input, await db.BlockedPhones.CountAsync(ct), new ChangeList(changes, zone));
    }
}
