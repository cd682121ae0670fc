using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Reconhece.Web.Features.Segments;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Promotions;

/// <summary>Who a promotion is for, as the form names it: everyone, a list of Ações, an ABC class or an RFV segment.</summary>
public static class PromotionAudiences
{
    public const string Everyone = "todos";
    private const string SegmentPrefix = "segmento-";
    private static readonly char[] Classes = ['A', 'B', 'C'];

    public static IEnumerable<(string Slug, string Label)> Choices(IStringLocalizer<SharedResource> t) =>
        new[] { (Everyone, t["Todos os clientes"].Value) }
            .Concat(AgendaLists.Daily.Select(l => (AgendaLists.Slug(l), t["Lista de Ações: {0}", AgendaLists.Title(l, t)].Value)))
            .Concat(Classes.Select(c => ("classe-" + char.ToLowerInvariant(c), t["Clientes classe {0}", c].Value)))
            .Concat(Enum.GetValues<RfvSegment>().Select(s => (SegmentPrefix + SegmentLabels.Slug(s), t["Segmento: {0}", SegmentLabels.Name(s, t)].Value)));

    public static string Slug(PromotionAudience audience, int? value) => audience switch
    {
        PromotionAudience.AgendaList when value is { } l => AgendaLists.Slug((AgendaList)l),
        PromotionAudience.AbcClass when value is { } c => "classe-" + char.ToLowerInvariant((char)c),
        PromotionAudience.Segment when value is { } s => SegmentPrefix + SegmentLabels.Slug((RfvSegment)s),
        _ => Everyone,
    };

    /// <summary>The audience a slug names, or null when it names none.</summary>
    public static (PromotionAudience Audience, int? Value)? Read(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug == Everyone) return (PromotionAudience.Everyone, null);
        if (AgendaLists.FromSlug(slug) is { } list) return (PromotionAudience.AgendaList, (int)list);
        if (slug is ['c', 'l', 'a', 's', 's', 'e', '-', var c] && Classes.Contains(char.ToUpperInvariant(c)))
            return (PromotionAudience.AbcClass, char.ToUpperInvariant(c));
        if (slug.StartsWith(SegmentPrefix, StringComparison.Ordinal) && SegmentLabels.FromSlug(slug[SegmentPrefix.Length..]) is { } segment)
            return (PromotionAudience.Segment, (int)segment);
        return null;
    }

    public static string Label(PromotionAudience audience, int? value, IStringLocalizer<SharedResource> t) =>
        Choices(t).First(c => c.Slug == Slug(audience, value)).Label;
}
