namespace Reconhece.Web.Features.Shared;

/// <summary>One place in the menu: its address, its pt-BR name (a localizer key) and whether only owners see it.</summary>
public sealed record MenuItem(string Href, string Label, bool OwnerOnly);

/// <summary>
/// The menu (issue 22): a tab bar with what staff and owners open many times a day, and "Mais" with the rest,
/// so every page is two taps away. The tab bar and the Mais page both read these lists.
/// </summary>
public static class Menu
{
    public const string MoreHref = "/mais";

    public static readonly IReadOnlyList<MenuItem> Tabs =
    [
        new("/", "Início", OwnerOnly: true),
        new("/registrar", "Registrar", OwnerOnly: false),
        new("/clientes", "Clientes", OwnerOnly: false),
        new("/acoes", "Ações", OwnerOnly: false),
    ];

    // "Caixa" means the till in a shop: that page is where the day is closed with the till's total.
    public static readonly IReadOnlyList<MenuItem> More =
    [
        new("/caixa", "Fechar o dia", OwnerOnly: false),
        new("/reconhecimento", "Reconhecimento", OwnerOnly: true),
        new("/promocoes", "Promoções", OwnerOnly: true),
        new("/relatorios", "Relatórios", OwnerOnly: true),
        new("/programa", "Programa", OwnerOnly: true),
        new("/filiais", "Filiais", OwnerOnly: true),
        new("/equipe", "Equipe", OwnerOnly: true),
        new("/negocio", "Negócio", OwnerOnly: true),
        new("/privacidade", "Privacidade", OwnerOnly: true),
    ];

    public static IEnumerable<MenuItem> For(IEnumerable<MenuItem> items, bool isOwner) => items.Where(i => isOwner || !i.OwnerOnly);

    /// <summary>A section owns its sub-pages ("/clientes/…" is Clientes); Início is the owner's Painel.</summary>
    public static bool IsCurrent(string href, string path) => href == "/"
        ? path == "/" || path.StartsWith("/painel", StringComparison.Ordinal)
        : path == href || path.StartsWith(href + "/", StringComparison.Ordinal);

    /// <summary>"Mais" is where the person is on its own page and on every page it lists.</summary>
    public static bool IsInMore(string path) => path == MoreHref || More.Any(i => IsCurrent(i.Href, path));
}
