using Microsoft.Extensions.Localization;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.UnitTests;

/// <summary>The app's localizer answers with the pt-BR key itself (no resource file yet); so does this one.</summary>
internal sealed class KeysAsText : IStringLocalizer<SharedResource>
{
    public LocalizedString this[string name] => new(name, name);
    public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(Format.PtBr, name, arguments));
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
