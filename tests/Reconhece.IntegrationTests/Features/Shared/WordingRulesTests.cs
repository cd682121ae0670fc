using System.Text.RegularExpressions;
using Reconhece.IntegrationTests.Tenancy;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Shared;

/// <summary>
/// Reads the app's source: no text on a page, in a PDF or an email writes a plural as "cliente(s)"; every count
/// goes through Plurals.Plural or Format.Count (issue 22), which say "1 cliente" and "2 clientes".
/// </summary>
public sealed partial class WordingRulesTests
{
    // A lower-case word with "(s)" inside a string literal, outside comments: "ano(s)", "número(s) bloqueado(s)".
    [GeneratedRegex(@"""[^""\n]*\b\p{Ll}+\(s\)[^""\n]*""")]
    private static partial Regex PluralMarker();

    [Fact]
    public void No_text_writes_a_plural_with_an_s_in_brackets()
    {
        var root = Path.Combine(SourceRulesTests.RepoRoot(), "src", "Reconhece.Web");
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 100, "the source was not found");

        var found = files.SelectMany(f => Markers(Path.GetRelativePath(root, f), File.ReadAllLines(f))).ToList();
        Assert.Empty(found);
    }

    [Fact]
    public void The_rule_catches_a_marker_planted_in_a_view_and_passes_code_and_comments()
    {
        string[] view = ["<p>@T[\"{0} compra(s) hoje\", n]</p>", "<option value=\"@SegmentLabels.Slug(s)\">", "// \"cliente(s)\" in a comment"];
        Assert.Equal(["Planted.cshtml:1"], Markers("Planted.cshtml", view));
    }

    // The words issue 22 retired from the screens, inside a string literal: jargon and "dono" for every owner.
    [GeneratedRegex(@"""[^""\n]*(ELEGÍVEL|Curva ABC|\b[Dd]onos?\b)[^""\n]*""")]
    private static partial Regex RetiredWord();

    [Fact]
    public void No_page_says_ELEGIVEL_Curva_ABC_or_dono()
    {
        var root = Path.Combine(SourceRulesTests.RepoRoot(), "src", "Reconhece.Web", "Features");
        var found = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (line, at: $"{Path.GetRelativePath(root, f)}:{i + 1}")))
            .Where(l => !l.line.TrimStart().StartsWith("@*", StringComparison.Ordinal) && RetiredWord().IsMatch(l.line))
            .Select(l => l.at).ToList();
        Assert.Empty(found);
        Assert.Matches(RetiredWord(), "<p>@T[\"Fale com o dono.\"]</p>");  // the rule catches one planted
    }

    private static IEnumerable<string> Markers(string path, string[] lines) =>
        lines.Select((line, i) => (line.TrimStart(), i))
            .Where(l => !l.Item1.StartsWith("//", StringComparison.Ordinal) && !l.Item1.StartsWith("@*", StringComparison.Ordinal))
            .Where(l => PluralMarker().IsMatch(l.Item1))
            .Select(l => $"{path}:{l.i + 1}");
}
