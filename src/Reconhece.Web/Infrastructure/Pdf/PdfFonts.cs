using PdfSharp.Fonts;

namespace Reconhece.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp has no access to system fonts on Linux: this resolver hands it DejaVu Sans (free licence,
/// Debian's fonts-dejavu-core, installed by the run and test scripts and the Dockerfile), which renders
/// ç, ã, é, "R$" and "—". The font is embedded in every PDF, so readers need nothing installed.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly object Gate = new();
    private static bool _installed;
    private readonly string _folder;

    private PdfFonts(string folder) => _folder = folder;

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void Install(string? folder)
    {
        lock (Gate)
        {
            if (_installed) return;
            var dir = string.IsNullOrWhiteSpace(folder) ? "/usr/share/fonts/truetype/dejavu" : folder;
            if (!File.Exists(Path.Combine(dir, Regular + ".ttf")))
                throw new InvalidOperationException(
                    $"DejaVu Sans not found in {dir}. Install Debian's fonts-dejavu-core or set Reports:FontFolder.");
            GlobalFontSettings.FontResolver = new PdfFonts(dir);
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(_folder, faceName + ".ttf"));
}
