using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Messages;

public sealed class TemplateInput
{
    public MessageTrigger Trigger { get; set; }
    public string? Name { get; set; }
    public string? Language { get; set; }
    public string? Parameters { get; set; }
}

public sealed class WhatsAppInput
{
    public string? PhoneNumberId { get; set; }
    /// <summary>Blank keeps the token saved before: it is never shown again.</summary>
    public string? Token { get; set; }
    public string? PricePerMessage { get; set; }
    public List<TemplateInput> Templates { get; set; } = [];
}

/// <summary>
/// Mensagens automáticas › WhatsApp (owner): the phone-number id, the access token (encrypted, never shown
/// again; a new one lifts a pause), the price of one message, and the approved template of each trigger.
/// Saving with the phone-number id blank turns WhatsApp off and forgets the token.
/// </summary>
public sealed partial class SaveWhatsApp(AppDbContext db, WhatsAppTokens tokens, IStringLocalizer<SharedResource> t)
{
    public const int MaxParameters = 10;

    public async Task<FormResult<bool>> HandleAsync(WhatsAppInput input, CancellationToken ct)
    {
        var errors = new FormErrors();
        var phoneNumberId = input.PhoneNumberId?.Trim() ?? "";
        var token = input.Token?.Trim() ?? "";
        var business = await db.Businesses.SingleAsync(ct);
        if (phoneNumberId.Length > 0 && !Digits().IsMatch(phoneNumberId))
            errors.Add(nameof(input.PhoneNumberId), t["O ID do número tem só dígitos (de 5 a 32), como aparece no painel da Meta."]);
        else if (phoneNumberId.Length > 0 && await TenantDoors.WhatsAppBusinessAsync(db, phoneNumberId, ct) is { } other && other != business.Id)
            errors.Add(nameof(input.PhoneNumberId), t["Este número já está ligado a outra conta do Reconhece."]);
        if (token.Length > 0 && (token.Length is < 20 or > 1000 || token.Any(char.IsWhiteSpace)))
            errors.Add(nameof(input.Token), t["O token parece incompleto: copie-o inteiro, sem espaços."]);
        else if (phoneNumberId.Length > 0 && token.Length == 0 && business.WhatsApp.ProtectedToken is null)
            errors.Add(nameof(input.Token), t["Informe o token de acesso."]);
        decimal? price = null;
        if (!string.IsNullOrWhiteSpace(input.PricePerMessage))
        {
            if (MoneyText.TryParseReais(input.PricePerMessage, out var p) && p <= 100) price = p;
            else errors.Add(nameof(input.PricePerMessage), t["Informe o preço de uma mensagem, como 0,35."]);
        }
        var templates = new List<WhatsAppTemplate>();
        for (var i = 0; i < input.Templates.Count; i++)
        {
            var x = input.Templates[i];
            var name = x.Name?.Trim() ?? "";
            if (name.Length == 0) continue;
            var field = $"Templates[{i}]";
            var language = string.IsNullOrWhiteSpace(x.Language) ? "pt_BR" : x.Language.Trim();
            var parameters = (x.Parameters ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!Enum.IsDefined(x.Trigger) || input.Templates.Take(i).Any(y => y.Trigger == x.Trigger))
                errors.Add(field + ".Name", t["Escolha entre as mensagens da lista."]);
            else if (!TemplateName().IsMatch(name))
                errors.Add(field + ".Name", t["O nome do modelo tem só letras minúsculas, números e _, como aprovado na Meta."]);
            else if (!LanguageCode().IsMatch(language))
                errors.Add(field + ".Language", t["O idioma é um código como pt_BR."]);
            else if (parameters.Length > MaxParameters || parameters.Any(p => !WhatsAppParameters.IsAllowed(p)))
                errors.Add(field + ".Parameters", t["Use até {0} campos entre estes, separados por vírgula: {1}", MaxParameters, string.Join(", ", WhatsAppParameters.Allowed)]);
            // Every message must say how to stop (LGPD art. 7 IX with an easy opt-out, docs/lgpd.md): the card has "Não quero receber mensagens".
            else if (!parameters.Contains("{cartao}", StringComparer.OrdinalIgnoreCase))
                errors.Add(field + ".Parameters", t["Inclua {cartao}: no cartão o cliente encontra \"Não quero receber mensagens\"."]);
            else
                templates.Add(new WhatsAppTemplate { BusinessId = business.Id, Trigger = x.Trigger, Name = name, Language = language, Parameters = string.Join(", ", parameters) });
        }
        if (errors.Any) return errors.ToResult<bool>();

        var w = business.WhatsApp;
        if (phoneNumberId.Length == 0)
            (w.PhoneNumberId, w.ProtectedToken, w.PausedAt) = (null, null, null);
        else
        {
            w.PhoneNumberId = phoneNumberId;
            if (token.Length > 0) (w.ProtectedToken, w.PausedAt) = (tokens.Protect(token), null);
        }
        w.PricePerMessage = price;
        // The templates are replaced as a whole, with the number, in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.WhatsAppTemplates.ExecuteDeleteAsync(ct);
        db.WhatsAppTemplates.AddRange(templates);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another business saved the same number between our check and this save (its unique index).
            errors.Add(nameof(input.PhoneNumberId), t["Este número já está ligado a outra conta do Reconhece."]);
            return errors.ToResult<bool>();
        }
        await tx.CommitAsync(ct);
        return FormResult.Ok(true);
    }

    [GeneratedRegex(@"^\d{5,32}$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex(@"^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguageCode();
}
