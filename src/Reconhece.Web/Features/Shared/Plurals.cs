using Microsoft.Extensions.Localization;

namespace Reconhece.Web.Features.Shared;

/// <summary>
/// Every count on a page goes through here (issue 22): the pt-BR texts for one and for many are both keys of the
/// localizer, and <see cref="Format.IsOne"/> picks between them, so "1 clientes" or "compra(s)" never reaches
/// the screen. The count itself is one of the arguments, formatted by the caller.
/// </summary>
public static class Plurals
{
    public static LocalizedString Plural(this IStringLocalizer t, decimal n, string one, string many, params object[] args) =>
        t[Format.IsOne(n) ? one : many, args];
}
