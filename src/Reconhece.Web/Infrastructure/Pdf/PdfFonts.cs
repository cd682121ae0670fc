using PdfSharp.Fonts;

namespace Reconhece.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp has no access to system fonts on Linux: this resolver hands it Liberation Sans (free licence,
/// Debian's fonts-liberation, installed by the run and test scripts and the Dockerfile), which renders
/// ç, ã, é, "R$", "—" and "→". The font is embedded in every PDF, so readers need nothing installed.
/// Liberation rather than DejaVu: PDFsharp's subset keeps the whole glyph index, and DejaVu's 6,253 glyphs
/// made every embedded face 67 kB before compression, nine tenths of a weekly PDF and of its email and most
/// of the CPU spent saving it; Liberation has 681 glyphs (Latin, Greek, Cyrillic) (docs/benchmarks.md).
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Liberation Sans";
    public const string DefaultFolder = "/usr/share/fonts/truetype/liberation";
    /// <summary>The Debian package that puts both faces in <see cref="DefaultFolder"/>.</summary>
    public const string DebianPackage = "fonts-liberation";
    public const string Regular = "LiberationSans-Regular";
    public const string Bold = "LiberationSans-Bold";
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
            var dir = string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder;
            if (Missing(dir) is { Count: > 0 } missing)
                throw new InvalidOperationException(
                    $"{string.Join(" and ", missing)} not found in {dir}. Install Debian's {DebianPackage} or set Reports:FontFolder.");
            GlobalFontSettings.FontResolver = new PdfFonts(dir);
            _installed = true;
        }
    }

    /// <summary>The font files (regular and bold) that are not in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Missing(string? folder)
    {
        var dir = string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder;
        return new[] { Regular, Bold }.Select(f => f + ".ttf").Where(f => !File.Exists(Path.Combine(dir, f))).ToList();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(_folder, faceName + ".ttf"));
}
