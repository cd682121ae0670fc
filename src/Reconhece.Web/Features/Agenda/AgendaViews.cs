using Microsoft.Extensions.Localization;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Domain;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Agenda;

/// <summary>The lists as the owner reads them: address slug, title and the default message.</summary>
public static class AgendaLists
{
    public static readonly AgendaList[] Daily = [AgendaList.Goal, AgendaList.Expiring, AgendaList.Fading, AgendaList.NearGoal, AgendaList.Birthday, AgendaList.New];

    /// <summary>The lists this business uses: "Pontos vencendo" only when its points expire.</summary>
    public static IEnumerable<AgendaList> Shown(AgendaContext context) =>
        Daily.Where(l => l != AgendaList.Expiring || context.ExpiryMonths is not null);

    public static string Slug(AgendaList list) => list switch
    {
        AgendaList.Goal => "meta",
        AgendaList.Fading => "sumindo",
        AgendaList.NearGoal => "quase-la",
        AgendaList.Birthday => "aniversarios",
        AgendaList.New => "novos",
        AgendaList.Expiring => "vencendo",
        _ => "grupo",
    };

    public static AgendaList? FromSlug(string? slug) => Daily.Cast<AgendaList?>().FirstOrDefault(l => Slug(l!.Value) == slug);

    public static string Title(AgendaList list, IStringLocalizer<SharedResource> t) => list switch
    {
        AgendaList.Goal => t["Meta atingida"],
        AgendaList.Fading => t["Sumindo"],
        AgendaList.NearGoal => t["Quase lá"],
        AgendaList.Birthday => t["Aniversariantes"],
        AgendaList.New => t["Primeira compra"],  // "Novos" is the RFV segment (issue 22)
        AgendaList.Expiring => t["Pontos vencendo"],
        _ => t["Convite para grupo"],
    };

    /// <summary>
    /// The message a list starts with until the owner writes their own. The business's name stands alone ("Bar do Zé
    /// aqui"), never after an article or a preposition: "na {negocio}" reads wrong for "Bar do Zé" (issue 22).
    /// </summary>
    public static string DefaultTemplate(AgendaList list, IStringLocalizer<SharedResource> t) => list switch
    {
        AgendaList.Goal => t["Olá, {nome}! {negocio} aqui: você atingiu a meta e ganhou {premio}. Passe aqui para retirar! Seu cartão: {cartao}"],
        AgendaList.Fading => t["Olá, {nome}! {negocio} aqui: sentimos sua falta. Seus pontos ({pontos}) estão esperando por você. Seu cartão: {cartao}"],
        AgendaList.NearGoal => t["Olá, {nome}! {negocio} aqui: você está quase lá para ganhar {premio} (faltam {faltam} de {meta} pontos). Seu cartão: {cartao}"],
        AgendaList.Birthday => t["Feliz aniversário, {nome}! {negocio} deseja um ótimo dia. Passe aqui para comemorar!"],
        AgendaList.New => t["Olá, {nome}! {negocio} aqui: obrigado pela visita. Com {meta} pontos você ganha {premio}. Seu cartão: {cartao}"],
        AgendaList.Expiring => t["Olá, {nome}! {negocio} aqui: parte dos seus pontos vence nos próximos dias. Passe aqui para aproveitar! Seu cartão: {cartao}"],
        _ => t["Olá, {nome}! {negocio} convida você."],
    };

    /// <summary>The owner's template for the list, or its default. "Meta atingida" falls back to the programme's invitation.</summary>
    public static string TemplateFor(AgendaList list, AgendaContext context, IStringLocalizer<SharedResource> t) =>
        TemplateFor(list, context.Settings, context.InvitationMessage, t);

    public static string TemplateFor(AgendaList list, AgendaSettings settings, string invitationMessage, IStringLocalizer<SharedResource> t) =>
        settings.TemplateFor(list) is { Length: > 0 } own ? own
        : list == AgendaList.Goal && !string.IsNullOrWhiteSpace(invitationMessage) ? invitationMessage
        : DefaultTemplate(list, t);

    /// <summary>The row's WhatsApp link: the list's message filled in for this customer.</summary>
    public static Uri WhatsApp(AgendaRow r, string template, AgendaContext context, Cards.CardLinks links) =>
        WhatsApp(r.Id, r.Name, r.Phone, r.Balance, r.CardGeneration, template, context, links);

    public static Uri WhatsApp(Guid id, string? name, string phone, decimal balance, int cardGeneration, string template, AgendaContext context,
        Cards.CardLinks links) =>
        Invitation.WhatsAppLink(phone, Invitation.Render(template, new MessageFields(name, context.BusinessName, balance, context.Goal, context.Prize,
            links.Url(context.BusinessId, id, cardGeneration))));

    /// <summary>Why the customer is on the list, in the owner's words.</summary>
    public static string Why(AgendaRow r, AgendaList list, AgendaContext context, DateTime now, IStringLocalizer<SharedResource> t)
    {
        int DaysSince(DateTime? at) => at is null ? 0 : (int)Math.Floor((now - at.Value).TotalDays);
        return list switch
        {
            AgendaList.Goal => DaysSince(r.EligibleSince) switch
            {
                0 => t["Atingiu a meta hoje."],
                1 => t["Atingiu a meta ontem; esperando há 1 dia."],
                var d => t["Atingiu a meta há {0} dias e espera o reconhecimento.", d],
            },
            AgendaList.Fading => r.Visits >= 3 && r.RhythmDays is { } rhythm
                ? t["Sem vir há {0} dias; costuma vir a cada {1}. Em risco: {2} por mês.", DaysSince(r.LastPurchaseAt),
                    Format.Count((int)Math.Max(1, Math.Round(rhythm)), t["dia"], t["dias"]), Format.Money(r.MonthlySpend)]
                : t["Sem vir há {0} dias. Em risco: {1} por mês.", DaysSince(r.LastPurchaseAt), Format.Money(r.MonthlySpend)],
            AgendaList.NearGoal => t["Faltam {0} pontos para a meta ({1} de {2}).", Format.Points(context.Goal - r.Balance),
                Format.Points(r.Balance), Format.Points(context.Goal)],
            AgendaList.Expiring => t["{0} pontos vencem em {1}.", Format.Points(r.ExpiringPoints),
                r.ExpiringCountsFrom is { } from && context.ExpiryMonths is { } months ? Format.Date(from.AddMonths(months), context.Zone) : "—"],
            AgendaList.Birthday => r.BirthDate is { } b && b.Month == Format.Local(now, context.Zone).Month && b.Day == Format.Local(now, context.Zone).Day
                ? t["Faz aniversário hoje!"]
                : t["Faz aniversário em {0}.", r.BirthDate?.ToString("dd/MM", Format.PtBr) ?? ""],
            _ => t["Primeira compra em {0}: agradeça a visita.", Format.Date(r.FirstPurchaseAt, context.Zone)],
        };
    }
}

public sealed record AgendaItem(AgendaRow Row, string Why, Uri WhatsApp, Guid Key);

public sealed record AgendaPage(
    AgendaContext Context, AgendaList List, IReadOnlyDictionary<AgendaList, int> Counts, IReadOnlyList<AgendaItem> Items,
    int Page, int Pages, AgendaResults Results, bool IsOwner)
{
    /// <summary>The person's own contacts that can still be undone ("Contato registrado · Desfazer").</summary>
    public IReadOnlyList<RecentContact> Recent { get; init; } = [];
}

public sealed record RecentContact(Guid Key, string Customer);

public sealed record AgendaStaffClosed();
