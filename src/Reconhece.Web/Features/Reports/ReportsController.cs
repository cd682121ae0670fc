using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Reports;

/// <summary>Relatórios (owner): past weekly runs with their PDFs, "Gerar agora", "Enviar agora" and the settings.</summary>
[Authorize(Policy = Policies.Owner), Route("/relatorios")]
public sealed class ReportsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] PurgeOldReportFiles retention, [FromServices] ReportRecipients recipients, CancellationToken ct) =>
        View(await ReportQueries.LoadAsync(db, clock.GetUtcNow().UtcDateTime, retention.KeepDays, ct) with { Recipients = await recipients.StatusAsync(ct) });

    /// <summary>"Reenviar confirmação": a new link to the signed-in owner's own email.</summary>
    [HttpPost("confirmar-meu-email")]
    public async Task<IActionResult> ConfirmMyEmail([FromServices] IBackgroundJobClient jobs, [FromServices] Tenancy.CurrentBusiness current, CancellationToken ct)
    {
        var (business, me) = (current.RequiredId, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!));
        var sentAt = await db.Users.Where(u => u.Id == me).Select(u => u.ConfirmationSentAt).SingleAsync(ct);
        if (sentAt is { } last && last > clock.GetUtcNow().UtcDateTime - Account.AccountEmails.ConfirmationEvery)
        {
            TempData["FlashError"] = t["Já enviamos um link nas últimas 24 horas (confira também o spam). Um novo poderá ir a partir de {0}.",
                Format.DateTime(last + Account.AccountEmails.ConfirmationEvery, (await db.BusinessAsync(ct)).Zone)].Value;
            return RedirectToAction(nameof(Index));
        }
        jobs.Enqueue<Account.AccountEmails>(j => j.ConfirmAddressAsync(business, me));
        TempData["Flash"] = t["Enviamos um novo link de confirmação para o seu e-mail. Ele vale por 1 hora."].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>"Reenviar convites": new links to the extra addresses not yet confirmed.</summary>
    [HttpPost("reenviar-convites")]
    public async Task<IActionResult> InviteAgain([FromServices] ReportRecipients recipients, CancellationToken ct)
    {
        await SayAsync(await recipients.InvitePendingAsync(again: true, ct), ct);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>"Convidar de novo": an extra address that stopped the reports by their link is invited once more.</summary>
    [HttpPost("convidar-de-novo")]
    public async Task<IActionResult> InviteStopped(string? email, [FromServices] ReportRecipients recipients, CancellationToken ct)
    {
        if (await recipients.InviteStoppedAsync(email ?? "", Me, ct) is { } outcome) await SayAsync(outcome, ct);
        else TempData["FlashError"] = t["Este endereço não está entre os que pararam de receber os relatórios."].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>"Voltar a receber": the signed-in owner takes back the weekly email they stopped by its link.</summary>
    [HttpPost("voltar-a-receber")]
    public async Task<IActionResult> Resume([FromServices] StopReports stop, CancellationToken ct)
    {
        TempData["Flash"] = (await stop.ResumeOwnAsync(Me, ct)
            ? t["Pronto: os relatórios voltam a chegar ao seu e-mail."]
            : t["Os relatórios já chegam ao seu e-mail."]).Value;
        return RedirectToAction(nameof(Index));
    }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>What an invitation press did, as flash messages.</summary>
    private async Task SayAsync(InviteOutcome outcome, CancellationToken ct)
    {
        var zone = (await db.BusinessAsync(ct)).Zone;
        if (outcome.OwnerUnconfirmed)
            TempData["FlashError"] = t["Confirme primeiro o seu próprio e-mail: só depois enviamos convites a outros endereços."].Value;
        else if (outcome.Queued > 0)
            TempData["Flash"] = (outcome.Queued == 1 ? t["Enviamos de novo o convite a 1 endereço."] : t["Enviamos de novo o convite a {0} endereços.", outcome.Queued]).Value;
        if (outcome.BudgetSpent)
            TempData["FlashError"] = t["O limite diário de convites deste negócio foi atingido. Os demais vão amanhã: toque em Reenviar convites."].Value;
        else if (outcome.NextAllowedAt is { } next)
            TempData[outcome.Queued > 0 ? "FlashError" : "Flash"] =
                t["Cada endereço recebe no máximo um convite a cada 24 horas. O próximo poderá ir a partir de {0}.", Format.DateTime(next, zone)].Value;
    }

    [HttpPost("gerar")]
    public async Task<IActionResult> Generate(Guid requestKey, [FromServices] RequestReports reports, CancellationToken ct)
    {
        if (requestKey == Guid.Empty) return FormExpired();
        var outcome = await reports.GenerateAsync(requestKey, ct);
        TempData["Flash"] = outcome.Replayed
            ? t["Este pedido já tinha gerado estes relatórios; nada foi gerado de novo."].Value
            : t["Relatórios gerados. Toque em um deles para baixar."].Value;
        return Redirect($"/relatorios#r-{outcome.RunId}");
    }

    [HttpPost("enviar")]
    public async Task<IActionResult> Send(Guid requestKey, [FromServices] RequestReports reports, CancellationToken ct)
    {
        if (requestKey == Guid.Empty) return FormExpired();
        var outcome = await reports.SendNowAsync(requestKey, ct);
        var run = await db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == outcome.RunId, ct);
        var zone = (await db.BusinessAsync(ct)).Zone;
        var status = outcome.Status switch
        {
            ReportRunStatus.Sent => t["Relatórios enviados para {0}.", run.SentTo ?? ""].Value,
            ReportRunStatus.Failed when run.NextAttemptAt is { } next =>
                t["Não foi possível enviar: {0} Nova tentativa às {1}.", run.LastError ?? "", Format.Local(next, zone).ToString("HH:mm", Format.PtBr)].Value,
            ReportRunStatus.Failed => t["Não foi possível enviar: {0}", run.LastError ?? ""].Value,
            _ => t["O envio está em andamento."].Value,
        };
        // A replayed form (double tap, Back and resubmit) never sends again: say so.
        TempData["Flash"] = outcome.Replayed ? t["Este pedido já tinha sido feito; nada foi enviado de novo."].Value + " " + status : status;
        return Redirect($"/relatorios#r-{outcome.RunId}");
    }

    private RedirectToActionResult FormExpired()
    {
        TempData["FlashError"] = t["O formulário expirou. Recarregue a página e tente de novo."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}/{slug}.pdf")]
    public async Task<IActionResult> Download(Guid id, string slug, CancellationToken ct)
    {
        var kind = BuildWeeklyReports.Kinds.Where(k => k.Value.Slug == slug).Select(k => (ReportKind?)k.Key).FirstOrDefault();
        if (kind is null) return NotFound();
        var file = await db.ReportFiles.AsNoTracking().Where(f => f.RunId == id && f.Kind == kind)
            .Select(f => new { f.FileName, f.Content }).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, "application/pdf", file.FileName);
    }

    [HttpGet("configuracoes")]
    public async Task<IActionResult> Settings(CancellationToken ct) =>
        View(await SettingsFormAsync(ReportSettingsInput.From((await db.BusinessAsync(ct)).Reports), ct));

    [HttpPost("configuracoes")]
    public async Task<IActionResult> Settings(ReportSettingsInput input, [FromServices] SaveReportSettings save, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(await SettingsFormAsync(input, ct));
        var result = await save.HandleAsync(input, User.UserId(), ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(await SettingsFormAsync(input, ct));
        }
        TempData["Flash"] = t["Configurações dos relatórios salvas."].Value;
        return Redirect("/relatorios");
    }

    private async Task<ReportSettingsForm> SettingsFormAsync(ReportSettingsInput input, CancellationToken ct) =>
        new(input, await ChangeLog.RecentAsync(db, SaveReportSettings.AuditSubject, ct), (await db.BusinessAsync(ct)).Zone);
}
