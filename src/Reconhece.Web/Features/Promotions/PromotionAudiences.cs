using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Promotions;

/// <summary>Who a promotion is for, as the form names it: everyone, a list of Ações, or an ABC class.</summary>
public static class PromotionAudiences
{
    public const string Everyone = "todos";
    private static readonly char[] Classes = ['A', 'B', 'C'];

    public static IEnumerable<(string Slug, string Label)> Choices(IStringLocalizer<SharedResource> t) =>
        new[] { (Everyone, t["Todos os clientes"].Value) }
            .Concat(AgendaLists.Daily.Select(l => (AgendaLists.Slug(l), t["Lista de Ações: {0}", AgendaLists.Title(l, t)].Value)))
            .Concat(Classes.Select(c => ("classe-" + char.ToLowerInvariant(c), t["Clientes classe {0}", c].Value)));

    public static string Slug(PromotionAudience audience, int? value) => audience switch
    {
        PromotionAudience.AgendaList when value is { } l => AgendaLists.Slug((AgendaList)l),
        PromotionAudience.AbcClass when value is { } c => "classe-" + char.ToLowerInvariant((char)c),
        _ => Everyone,
    };

    /// <summary>The audience a slug names, or null when it names none.</summary>
    public static (PromotionAudience Audience, int? Value)? Read(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug == Everyone) return (PromotionAudience.Everyone, null);
        if (AgendaLists.FromSlug(slug) is { } list) return (PromotionAudience.AgendaList, (int)list);
        if (slug is ['c', 'l', 'a', 's', 's', 'e', '-', var c] && Classes.Contains(char.ToUpperInvariant(c)))
            return (PromotionAudience.AbcClass, char.ToUpperInvariant(c));
        return null;
    }

    public static string Label(PromotionAudience audience, int? value, IStringLocalizer<SharedResource> t) =>
        Choices(t).First(c => c.Slug == Slug(audience, value)).Label;
}
