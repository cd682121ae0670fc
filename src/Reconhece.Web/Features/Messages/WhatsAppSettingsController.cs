using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Reconhece.Web.Data;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Messages;

public sealed record WhatsAppPage(WhatsAppInput Input, bool HasToken, DateTime? PausedAt, TimeZoneInfo Zone, Uri Webhook, bool WebhookReady);

/// <summary>Ações › Mensagens automáticas › WhatsApp (owner, docs/messages.md): the number, its token, its price and the template of each trigger.</summary>
[Authorize(Policy = Policies.Owner), Route("/acoes/automaticas/whatsapp")]
public sealed class WhatsAppSettingsController(AppDbContext db, SaveWhatsApp save, IOptions<WhatsAppOptions> options, IConfiguration configuration,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const string ViewPath = "/Features/Messages/WhatsApp.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var business = await db.BusinessAsync(ct);
        var templates = await db.WhatsAppTemplates.AsNoTracking().ToListAsync(ct);
        var input = new WhatsAppInput
        {
            PhoneNumberId = business.WhatsApp.PhoneNumberId,
            PricePerMessage = business.WhatsApp.PricePerMessage is { } p ? p.ToString("0.00##", Format.PtBr) : null,
            Templates = SendMessages.ByValue.Select(trigger => templates.FirstOrDefault(x => x.Trigger == trigger) is { } x
                ? new TemplateInput { Trigger = trigger, Name = x.Name, Language = x.Language, Parameters = x.Parameters }
                : new TemplateInput { Trigger = trigger, Language = "pt_BR" }).ToList(),
        };
        return View(ViewPath, await PageAsync(input, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(WhatsAppInput input, CancellationToken ct)
    {
        var result = await save.HandleAsync(input, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            input.Token = null;
            return View(ViewPath, await PageAsync(input, ct));
        }
        TempData["Flash"] = t["WhatsApp salvo."].Value;
        return Redirect("/acoes/automaticas/whatsapp");
    }

    private async Task<WhatsAppPage> PageAsync(WhatsAppInput input, CancellationToken ct)
    {
        // The business's row as saved now (the context snapshot is forgotten by SaveChanges).
        var business = await db.BusinessAsync(ct);
        return new WhatsAppPage(input, business.WhatsApp.ProtectedToken is not null, business.WhatsApp.PausedAt, business.Zone,
            new Uri(configuration.PublicSite() + "/webhooks/whatsapp"),
            !string.IsNullOrEmpty(options.Value.AppSecret) && !string.IsNullOrEmpty(options.Value.VerifyToken));
    }
}
