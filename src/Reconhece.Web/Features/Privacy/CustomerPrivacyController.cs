using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Identity;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Privacy;

public sealed record RequestLine(Guid Id, PrivacyRight Right, DateOnly RequestedOn, DateOnly DueOn, string? Note, DateTime? AnsweredAt);

public sealed record CustomerPrivacyPage(
    Guid Id, string Phone, string? Name, DateTime? AnonymizedAt, IReadOnlyList<RequestLine> Requests,
    PrivacyRequestInput Input, TimeZoneInfo Zone, DateOnly Today, string? ProgramPage);

/// <summary>The rights of LGPD art. 18 as owner actions on one customer (docs/lgpd.md maps each right to its action).</summary>
[Authorize(Policy = Policies.Owner), Route("/clientes/{id:guid}")]
public sealed class CustomerPrivacyController(AppDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock) : Controller
{
    private const string ViewPath = "/Features/Privacy/Customer.cshtml";
    // A download for people and other systems, never embedded in a page: "+5511…" and accents stay readable.
    private static readonly JsonSerializerOptions JsonFormat = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [HttpGet("privacidade")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct) =>
        await PageAsync(id, new PrivacyRequestInput { IdempotencyKey = Guid.NewGuid() }, ct) is { } page ? View(ViewPath, page) : NotFound();

    /// <summary>I, II and V: everything held on the customer, as portable JSON.</summary>
    [HttpGet("dados.json")]
    public async Task<IActionResult> DataJson(Guid id, [FromServices] IConfiguration config, CancellationToken ct)
    {
        var data = await CustomerData.BuildAsync(db, id, await ProgramPageAsync(config, ct), clock.GetUtcNow().UtcDateTime, ct);
        if (data is null) return NotFound();
        return File(JsonSerializer.SerializeToUtf8Bytes(data, JsonFormat), "application/json", $"dados-do-cliente-{data.Customer.Phone.TrimStart('+')}.json");
    }

    /// <summary>I and II: the one-page summary.</summary>
    [HttpGet("dados.pdf")]
    public async Task<IActionResult> DataPdf(Guid id, [FromServices] IConfiguration config, CancellationToken ct)
    {
        var data = await CustomerData.BuildAsync(db, id, await ProgramPageAsync(config, ct), clock.GetUtcNow().UtcDateTime, ct);
        if (data is null) return NotFound();
        return File(CustomerDataPdf.Build(data, (await db.BusinessAsync(ct)).Zone), "application/pdf", $"dados-do-cliente-{data.Customer.Phone.TrimStart('+')}.pdf");
    }

    [HttpPost("anonimizar")]
    public Task<IActionResult> Anonymise(Guid id, bool confirm, [FromServices] AnonymiseCustomer anonymise, CancellationToken ct) =>
        ForgetAsync(id, confirm, block: false, anonymise, ct);

    [HttpPost("bloquear")]
    public Task<IActionResult> Block(Guid id, bool confirm, [FromServices] AnonymiseCustomer anonymise, CancellationToken ct) =>
        ForgetAsync(id, confirm, block: true, anonymise, ct);

    [HttpPost("pedidos")]
    public async Task<IActionResult> RegisterRequest(Guid id, PrivacyRequestInput input, [FromServices] PrivacyRequests requests, CancellationToken ct)
    {
        var result = await requests.RegisterAsync(id, input, User.UserId(), (await db.BusinessAsync(ct)).Zone, ct);
        if (result is null) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = t["Pedido registrado. O prazo de resposta (art. 19) aparece na lista até ser marcado como respondido."].Value;
            return Redirect($"/clientes/{id}/privacidade");
        }
        result.CopyTo(ModelState);
        return View(ViewPath, await PageAsync(id, input, ct));
    }

    [HttpPost("pedidos/{requestId:guid}/respondido")]
    public async Task<IActionResult> Answer(Guid id, Guid requestId, [FromServices] PrivacyRequests requests, CancellationToken ct)
    {
        if (!await requests.AnswerAsync(id, requestId, User.UserId(), ct)) return NotFound();
        TempData["Flash"] = t["Pedido marcado como respondido."].Value;
        return Redirect($"/clientes/{id}/privacidade");
    }

    private async Task<IActionResult> ForgetAsync(Guid id, bool confirm, bool block, AnonymiseCustomer anonymise, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == id, ct)) return NotFound();
        if (!confirm)
        {
            TempData["FlashError"] = t["Marque a confirmação para continuar. Nada foi alterado."].Value;
            return Redirect($"/clientes/{id}/privacidade");
        }
        var reason = block ? t["O cliente pediu para sair do programa"].Value : t["A pedido do cliente"].Value;
        var outcome = await anonymise.HandleAsync(id, block, User.UserId(), reason, ct);
        if (outcome == AnonymiseOutcome.NotFound) return NotFound();
        TempData["Flash"] = outcome == AnonymiseOutcome.AlreadyDone ? t["Isto já tinha sido feito."].Value
            : block ? t["Cliente bloqueado: os dados pessoais foram apagados e o número não acumula mais pontos."].Value
            : t["Cliente anonimizado: celular, nome, e-mail e data de nascimento foram apagados. As compras continuam nos totais."].Value;
        return Redirect($"/clientes/{id}");
    }

    private async Task<CustomerPrivacyPage?> PageAsync(Guid id, PrivacyRequestInput input, CancellationToken ct)
    {
        var c = await db.Customers.Where(x => x.Id == id).Select(x => new { x.Phone, x.Name, x.AnonymizedAt }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var requests = await db.PrivacyRequests.Where(r => r.CustomerId == id).OrderBy(r => r.AnsweredAt != null).ThenByDescending(r => r.RequestedOn)
            .Select(r => new RequestLine(r.Id, r.Right, r.RequestedOn, r.DueOn, r.Note, r.AnsweredAt)).ToListAsync(ct);
        var business = await db.BusinessAsync(ct);
        var (zone, slug) = (business.Zone, business.Privacy.Slug);
        return new CustomerPrivacyPage(id, c.Phone, c.Name, c.AnonymizedAt, requests, input, zone,
            Periods.LocalDay(clock.GetUtcNow().UtcDateTime, zone), slug is null ? null : "/p/" + slug);
    }

    private async Task<string?> ProgramPageAsync(IConfiguration config, CancellationToken ct) =>
        (await db.BusinessAsync(ct)).Privacy.Slug is { } slug ? config.PublicSite() + "/p/" + slug : null;
}
