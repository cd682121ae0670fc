namespace Reconhece.Web.Resources;

/// <summary>
/// Marker for the app's one string table. Keys are the pt-BR texts themselves, so with no resource
/// file the localizer returns pt-BR; another language is added later as SharedResource.xx.resx.
/// </summary>
public sealed class SharedResource;
