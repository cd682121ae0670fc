using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Agenda;

public sealed record InvitationSummary(Guid Id, string Occasion, DateOnly Date, InvitationAudience Audience, RfvSegment? Segment, int Guests, int Contacted);

public sealed record InvitationsPage(IReadOnlyList<InvitationSummary> Invitations, InvitationInput Input, string DefaultMessage);

public sealed record InvitationPage(GroupInvitation Invitation, AgendaContext Context, IReadOnlyList<(GuestRow Guest, Uri WhatsApp)> Guests,
    int Total, int Contacted, int Came, int Page, int Pages, bool OccasionPassed);

/// <summary>Ações › Convites (owner): group invitations for an occasion.</summary>
[Authorize(Policy = Policies.Owner), Route("/acoes/convites")]
public sealed class InvitationsController(AppDbContext db, GroupInvitations invitations, Messages.PlanMessages plan, Cards.CardLinks links, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const string ListView = "/Features/Agenda/Invitations.cshtml";
    private const string DetailView = "/Features/Agenda/Invitation.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(ListView, await ListAsync(new InvitationInput { IdempotencyKey = Guid.NewGuid(), Message = invitations.DefaultMessage }, ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(InvitationInput input, CancellationToken ct)
    {
        var result = await invitations.CreateAsync(input, User.UserId(), ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(ListView, await ListAsync(input, ct));
        }
        return Redirect($"/acoes/convites/{result.Value}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, int pagina, CancellationToken ct)
    {
        var invitation = await db.GroupInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null) return NotFound();
        var context = await AgendaContext.LoadAsync(db, ct);
        var (rows, total, contacted, came) = await invitations.GuestsAsync(invitation, context.Zone, pagina, ct);
        var pages = Math.Max(1, (total + GroupInvitations.PageSize - 1) / GroupInvitations.PageSize);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, context.Zone));
        var guests = rows.Select(g => (g, Invitation.WhatsAppLink(g.Phone, GroupInvitations.MessageFor(invitation, g.Name, g.Balance, context, links.Url(context.BusinessId, g.CustomerId, g.CardGeneration))))).ToList();
        return View(DetailView, new InvitationPage(invitation, context, guests, total, contacted, came, Math.Clamp(pagina, 1, pages), pages, today > invitation.OccasionDate));
    }

    [HttpPost("{id:guid}/contato")]
    public async Task<IActionResult> Contacted(Guid id, Guid customerId, int pagina, CancellationToken ct)
    {
        var marked = await invitations.MarkContactedAsync(id, customerId, User.UserId(), ct);
        if (marked is null) return NotFound();
        TempData["Flash"] = marked.Value ? t["Contato registrado."].Value : t["Este contato já tinha sido registrado."].Value;
        return Redirect($"/acoes/convites/{id}?pagina={Math.Max(1, pagina)}");
    }

    [HttpPost("{id:guid}/todos")]
    public async Task<IActionResult> AllContacted(Guid id, bool confirm, CancellationToken ct)
    {
        if (!await db.GroupInvitations.AnyAsync(i => i.Id == id, ct)) return NotFound();
        if (!confirm) TempData["FlashError"] = t["Marque a confirmação de que enviou a mensagem a todos."].Value;
        else TempData["Flash"] = t["{0} contatos registrados.", await invitations.MarkAllContactedAsync(id, User.UserId(), ct)].Value;
        return Redirect($"/acoes/convites/{id}");
    }

    /// <summary>"Enviar sozinho": the automatic messages send the invitation to the guests not yet contacted (trigger Convite, docs/messages.md).</summary>
    [HttpPost("{id:guid}/enviar")]
    public async Task<IActionResult> SendByItself(Guid id, CancellationToken ct)
    {
        if (!await db.GroupInvitations.AnyAsync(i => i.Id == id, ct)) return NotFound();
        var planned = await plan.PlanInvitationAsync(id, ct);
        TempData["Flash"] = planned == 0
            ? t["Este convite já estava na fila das mensagens automáticas."].Value
            : t.Plural(planned, "{0} convite na fila: sai por WhatsApp ou e-mail no horário de envio, com as regras das mensagens automáticas.",
                "{0} convites na fila: saem por WhatsApp ou e-mail no horário de envio, com as regras das mensagens automáticas.", planned).Value;
        return Redirect($"/acoes/convites/{id}");
    }

    [HttpGet("{id:guid}/convidados.csv")]
    public async Task<IActionResult> Csv(Guid id, CancellationToken ct)
    {
        var occasion = await db.GroupInvitations.Where(i => i.Id == id).Select(i => i.Occasion).FirstOrDefaultAsync(ct);
        if (occasion is null) return NotFound();
        return File(await invitations.CsvAsync(id, ct), Shared.PtBrCsv.ContentType, "convidados.csv");
    }

    private async Task<InvitationsPage> ListAsync(InvitationInput input, CancellationToken ct)
    {
        var list = await db.GroupInvitations.OrderByDescending(i => i.CreatedAt).Take(50)
            .Select(i => new InvitationSummary(i.Id, i.Occasion, i.OccasionDate, i.Audience, i.Segment,
                db.InvitationGuests.Count(g => g.InvitationId == i.Id), db.InvitationGuests.Count(g => g.InvitationId == i.Id && g.ContactedAt != null)))
            .ToListAsync(ct);
        return new InvitationsPage(list, input, invitations.DefaultMessage);
    }
}
