using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.ProgramSettings;

/// <summary>pt-BR names of the rule choices (localized by the views; the change log keeps these).</summary>
public static class ProgramLabels
{
    public static readonly IReadOnlyList<(PointRounding Value, string Label)> Roundings =
    [
        (PointRounding.WholeDown, "Pontos inteiros, arredondando para baixo (R$ 45,90 → 45)"),
        (PointRounding.WholeNearest, "Pontos inteiros, arredondando para o mais próximo (R$ 45,50 → 46)"),
        (PointRounding.Fractional, "Pontos com centavos (R$ 45,90 → 45,9)"),
    ];

    public static string Of(PointRounding rounding) => Roundings.First(r => r.Value == rounding).Label;
}
