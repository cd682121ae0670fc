using System.Text.RegularExpressions;

namespace Reconhece.Web.Infrastructure;

/// <summary>
/// The site's stylesheet, for a page that sets ViewData["InlineStyles"] = true to carry it in its head
/// instead of linking it. The customer's card is opened once, cold, from a link on a phone: a linked
/// stylesheet costs a second round trip before anything is drawn, which on a slow 4G connection is most
/// of a second (docs/benchmarks.md, "The customer's card"). Only the top of site.css, down to its marker
/// comment, goes inline: the rules the card uses, about a third of the file. Read once from wwwroot;
/// comments dropped and whitespace collapsed, nothing else (a rewrite that touches selectors could change
/// their meaning).
/// </summary>
public sealed partial class InlineStyles(IWebHostEnvironment environment)
{
    public const string Marker = "/* Above: what the customer's card needs";

    private readonly Lazy<string> _file = new(() =>
    {
        using var reader = new StreamReader(environment.WebRootFileProvider.GetFileInfo("css/site.css").CreateReadStream());
        return reader.ReadToEnd();
    });

    /// <summary>The card's part, inline in its head.</summary>
    public string Css => field ??= Minified(Top(_file.Value));

    /// <summary>The whole stylesheet as /css/site.css serves it (StaticAssets): the comments stay in the source, not on the wire.</summary>
    public string Full => field ??= Minified(_file.Value);

    private static string Top(string all)
    {
        var cut = all.IndexOf(Marker, StringComparison.Ordinal);
        if (cut < 0) throw new InvalidOperationException("site.css lost the marker that ends the card's inline styles.");
        return all[..cut];
    }

    private static string Minified(string css) => Whitespace().Replace(Comments().Replace(css, ""), " ").Trim();

    /// <summary>The CSP source that allows exactly this inline style and no other ('sha256-…').</summary>
    public string CspSource => field ??= $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Css)))}'";

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
