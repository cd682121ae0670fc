namespace Reconhece.Web.Domain;

/// <summary>
/// The IANA time zones a Brazilian business can pick. Brazil spans four UTC offsets and has had no
/// daylight saving since 2019, but the offsets are never hard-coded: conversions go through the zone.
/// </summary>
public static class BrazilTimeZones
{
    public const string Default = "America/Sao_Paulo";

    public static readonly IReadOnlyList<(string Id, string Label)> All =
    [
        ("America/Sao_Paulo", "Brasília (SP, RJ, MG, Sul, GO, DF, BA...)"),
        ("America/Fortaleza", "Nordeste (CE, RN, PB, PI, MA)"),
        ("America/Recife", "Pernambuco"),
        ("America/Belem", "Pará (leste) e Amapá"),
        ("America/Manaus", "Amazonas (maior parte)"),
        ("America/Cuiaba", "Mato Grosso"),
        ("America/Campo_Grande", "Mato Grosso do Sul"),
        ("America/Porto_Velho", "Rondônia"),
        ("America/Boa_Vista", "Roraima"),
        ("America/Rio_Branco", "Acre"),
        ("America/Noronha", "Fernando de Noronha"),
    ];

    /// <summary>The zone as people say it ("horário de Brasília"), for the reports; the id for a zone not in the list.</summary>
    public static string Spoken(string id) => All.FirstOrDefault(z => z.Id == id) is { Label: { } label }
        ? "horário de " + label.Split(" (")[0]
        : id;

    public static bool IsKnown(string? id) => id is not null && All.Any(z => z.Id == id);

    public static TimeZoneInfo Find(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
