using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Segments;

/// <summary>The segments as the owner reads them: name, address, and the rule in plain pt-BR.</summary>
public static class SegmentLabels
{
    public static string Name(RfvSegment s, IStringLocalizer<SharedResource> t) => s switch
    {
        RfvSegment.Champions => t["Campeões"],
        RfvSegment.Loyal => t["Fiéis"],
        RfvSegment.New => t["Novos"],
        RfvSegment.Promising => t["Promissores"],
        RfvSegment.NeedAttention => t["Precisam de atenção"],
        RfvSegment.AtRisk => t["Em risco"],
        RfvSegment.Hibernating => t["Hibernando"],
        _ => t["Perdidos"],
    };

    public static string Slug(RfvSegment s) => s switch
    {
        RfvSegment.Champions => "campeoes",
        RfvSegment.Loyal => "fieis",
        RfvSegment.New => "novos",
        RfvSegment.Promising => "promissores",
        RfvSegment.NeedAttention => "precisam-de-atencao",
        RfvSegment.AtRisk => "em-risco",
        RfvSegment.Hibernating => "hibernando",
        _ => "perdidos",
    };

    public static RfvSegment? FromSlug(string? slug) => Enum.GetValues<RfvSegment>().Cast<RfvSegment?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    /// <summary>The rule, as docs/segments.md and RecomputeSegments write it.</summary>
    public static string Rule(RfvSegment s, IStringLocalizer<SharedResource> t) => s switch
    {
        RfvSegment.Champions => t["Compraram há pouco, compram muito e gastam muito (R, F e V de 4 ou 5)."],
        RfvSegment.Loyal => t["Compram com frequência (F 4 ou 5, duas compras ou mais) e não sumiram (R 3 ou mais)."],
        RfvSegment.New => t["Compraram há pouco (R 4 ou 5) e só uma vez nos últimos 12 meses."],
        RfvSegment.Promising => t["Compraram há pouco (R 4 ou 5), mas ainda pouco."],
        RfvSegment.NeedAttention => t["Nem recentes nem sumidos (R 3), compram pouco: vale um contato."],
        RfvSegment.AtRisk => t["Compravam bastante (F 3 ou mais, duas compras ou mais), mas não vêm há tempo (R 1 ou 2)."],
        RfvSegment.Hibernating => t["Não vêm há tempo (R 2) e compravam pouco."],
        _ => t["Os que não vêm há mais tempo (R 1) e compravam pouco."],
    };

    /// <summary>"23 clientes saíram de Fiéis para Em risco"; a customer not scored last month "entrou em".</summary>
    public static string Move(SegmentMove m, IStringLocalizer<SharedResource> t) => (m.From, m.Customers) switch
    {
        (null, 1) => t["1 cliente entrou em {0} (primeira compra ou primeiro cálculo)", Name(m.To, t)],
        (null, var n) => t.Plural(n, "{0} cliente entrou em {1} (primeira compra ou primeiro cálculo)", "{0} clientes entraram em {1} (primeira compra ou primeiro cálculo)", n, Name(m.To, t)),
        ({ } from, 1) => t["1 cliente saiu de {0} para {1}", Name(from, t), Name(m.To, t)],
        ({ } from, var n) => t.Plural(n, "{0} cliente saiu de {1} para {2}", "{0} clientes saíram de {1} para {2}", n, Name(from, t), Name(m.To, t)),
    };
}
