using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Shared;

/// <summary>One pt-BR sentence per reason a typed mobile is refused, the same on every form that takes one.</summary>
public static class PhoneMessages
{
    public static string For(PhoneProblem problem, string? typed, IStringLocalizer t) => problem switch
    {
        PhoneProblem.Empty => t["Informe o celular, com DDD. Ex.: (11) 98765-4321."],
        PhoneProblem.NotDigits => t["Use só números no celular, ex.: (11) 98765-4321."],
        PhoneProblem.MissingNinthDigit => t["Falta um dígito: o celular tem 9 números depois do DDD, começando com 9. Ex.: (11) 98765-4321."],
        PhoneProblem.MissingDigits => t["Faltam dígitos: o celular tem o DDD e mais 9 números. Ex.: (11) 98765-4321."],
        PhoneProblem.ExtraDigits => t["Há dígitos a mais: o celular tem o DDD e mais 9 números. Confira o número; nada foi cortado."],
        PhoneProblem.Foreign => t["Só celulares do Brasil (+55) participam."],
        PhoneProblem.NotMobile => t["Este número não é de celular: depois do DDD vêm 9 números, começando com 9."],
        PhoneProblem.UnknownAreaCode => t["O DDD {0} não existe. Confira o número.", AreaCode(typed)],
        _ => "",
    };

    private static string AreaCode(string? typed)
    {
        var digits = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 11 ? digits[^11..^9] : digits;
    }
}
