using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Infrastructure;

/// <summary>MVC's model-binding messages ("The value '' is invalid") in pt-BR, through the localizer.</summary>
public sealed class PtBrBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => t["O valor '{0}' não é válido.", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => t["O valor '{0}' não é válido para {1}.", v, f]);
        m.SetMissingBindRequiredValueAccessor(f => t["Informe {0}.", f]);
        m.SetMissingKeyOrValueAccessor(() => t["Informe um valor."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["O formulário chegou vazio. Tente novamente."]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["O valor '{0}' não é válido.", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Valor inválido."]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["Informe um número."]);
        m.SetUnknownValueIsInvalidAccessor(f => t["Valor inválido para {0}.", f]);
        m.SetValueMustBeANumberAccessor(f => t["{0}: informe um número.", f]);
        m.SetValueMustNotBeNullAccessor(f => t["Informe {0}.", f]);
    }
}
