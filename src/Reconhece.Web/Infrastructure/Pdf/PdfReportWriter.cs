using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Reconhece.Web.Infrastructure.Pdf;

/// <summary>A bar chart: a bar per label, each with its short value above it; a null value draws no bar and reads "—".</summary>
public sealed record PdfChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values, Func<decimal, string> ShortText);

/// <summary>
/// A field of a listed record: its label and how the record shows it. The heading (the customer, with a rank
/// before it) opens the record in bold; the aside (the phone) sits at the right of the heading; the other
/// fields follow as "Label: valor" in the lines under it.
/// </summary>
public sealed record PdfColumn(string Header, PdfPlace Place = PdfPlace.Field);

public enum PdfPlace { Field, Heading, Aside }

/// <summary>
/// The one layout every report uses, made to be read on a phone without pinching: a page the shape of a
/// phone (105 × 210 mm, so a viewer fitting its width to a 390-px screen shows 11 pt as about 14 px), one
/// column, no type under 11 pt. A title block (business, report, period, generated at), summary lines and big
/// figures, then lists of records (a heading line, then its fields), and a footer with "Página X de N".
/// Records are written one at a time as they stream from the database; PDFsharp keeps the pages until
/// <see cref="Finish"/> writes the file.
/// </summary>
public sealed class PdfReportWriter : IDisposable
{
    /// <summary>The smallest type on any page (the tests read every letter back).</summary>
    public const double MinimumPointSize = 11;

    public static readonly XSize PageSize = new(XUnit.FromMillimeter(105).Point, XUnit.FromMillimeter(210).Point);

    private const double Margin = 20, FooterHeight = 26, LineHeight = 15;
    private static readonly XColor Ink = XColor.FromArgb(31, 41, 55);
    private static readonly XBrush InkBrush = new XSolidBrush(Ink);
    private static readonly XBrush LinkBrush = new XSolidBrush(XColor.FromArgb(15, 118, 110));
    private static readonly XBrush MutedBrush = new XSolidBrush(XColor.FromArgb(71, 85, 105));
    private static readonly XBrush AccentBrush = new XSolidBrush(XColor.FromArgb(15, 118, 110));
    private static readonly XPen RulePen = new(XColor.FromArgb(203, 213, 225), 0.5);
    private static readonly XFont TitleFont = new(PdfFonts.Family, 16, XFontStyleEx.Bold);
    private static readonly XFont FigureFont = new(PdfFonts.Family, 17, XFontStyleEx.Bold);
    private static readonly XFont TextFont = new(PdfFonts.Family, MinimumPointSize, XFontStyleEx.Regular);
    private static readonly XFont BoldTextFont = new(PdfFonts.Family, MinimumPointSize, XFontStyleEx.Bold);
    private static readonly XBrush BarBrush = new XSolidBrush(XColor.FromArgb(153, 204, 199));

    private readonly PdfDocument _doc = new();
    private readonly string _title, _businessName;
    private IReadOnlyList<PdfColumn> _columns = [];
    private XGraphics? _gfx;
    private double _y, _pageHeight, _pageWidth;

    public PdfReportWriter(string title, string businessName, string period, string generatedAt)
    {
        (_title, _businessName) = (title, businessName);
        _doc.Info.Title = $"{title} — {businessName}";
        _doc.Info.Creator = "Reconhece";
        NewPage();
        Line(businessName, muted: true);
        foreach (var line in Wrap(title, TitleFont, ContentWidth))
        {
            _gfx!.DrawString(line, TitleFont, AccentBrush, Margin, _y + 16);
            _y += 20;
        }
        _y += 2;
        Line(period, bold: true);
        Line(generatedAt, muted: true);
        _y += 8;
    }

    public double ContentWidth => _pageWidth - 2 * Margin;

    /// <summary>A paragraph, wrapped at word boundaries.</summary>
    public void Line(string text, bool bold = false, bool muted = false)
    {
        var font = bold ? BoldTextFont : TextFont;
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            EnsureRoom(LineHeight);
            _gfx!.DrawString(line, font, muted ? MutedBrush : InkBrush, Margin, _y + 11);
            _y += LineHeight;
        }
    }

    public void Space(double points = 8) => _y += points;

    /// <summary>
    /// A figure: its label at the left and the value, large, at the right of the same line, then what it is
    /// compared with under them: the first page's "how did the week go", five of them and whom to contact on one page.
    /// </summary>
    public void Figure(string label, string value, string? note = null)
    {
        const double FigureLine = 22;
        EnsureRoom(FigureLine + (note is null ? 0 : LineHeight) + 6);
        var g = _gfx!;
        var shown = Fit(value, FigureFont, ContentWidth * 0.6);
        var width = g.MeasureString(shown, FigureFont).Width;
        g.DrawString(Fit(label, TextFont, ContentWidth - width - 8), TextFont, InkBrush, Margin, _y + 17);
        g.DrawString(shown, FigureFont, InkBrush, Margin + ContentWidth - width, _y + 17);
        _y += FigureLine;
        if (note is not null) Line(note, muted: true);
        _y += 3;
        g = _gfx!;
        g.DrawLine(RulePen, Margin, _y, Margin + ContentWidth, _y);
        _y += 4;
    }

    /// <summary>
    /// A chart of one figure over time, as horizontal bars (one per period, the latest in the accent colour),
    /// drawn as vectors: sharp at any zoom, and its labels and values stay text a reader can copy. Horizontal,
    /// so twelve months (and their values) fit a phone's width at 11 pt.
    /// </summary>
    public void Chart(PdfChart chart)
    {
        const double LabelWidth = 44, ValueWidth = 78, Bar = 9;
        EnsureRoom(LineHeight * (chart.Labels.Count + 2) + 8);   // a chart (its title may take two lines) is never split across pages
        Line(chart.Title, bold: true);
        var max = chart.Values.Max(v => v ?? 0m);
        var barSpace = ContentWidth - LabelWidth - ValueWidth - 8;
        var g = _gfx!;
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            var value = i < chart.Values.Count ? chart.Values[i] : null;
            g.DrawString(Fit(chart.Labels[i], TextFont, LabelWidth - 2), TextFont, InkBrush, Margin, _y + 11);
            var length = value is { } v && max > 0 ? (double)(v / max) * barSpace : 0;
            if (length > 0)
                g.DrawRectangle(i == chart.Labels.Count - 1 ? AccentBrush : BarBrush, Margin + LabelWidth, _y + (LineHeight - Bar) / 2, length, Bar);
            var text = value is { } shown ? chart.ShortText(shown) : "—";
            text = Fit(text, TextFont, ValueWidth);
            g.DrawString(text, TextFont, MutedBrush, Margin + ContentWidth - g.MeasureString(text, TextFont).Width, _y + 11);
            _y += LineHeight;
        }
        _y += 8;
    }

    /// <summary>Starts a list of records with these fields.</summary>
    public void BeginTable(IReadOnlyList<PdfColumn> columns)
    {
        _columns = columns;
        EnsureRoom(LineHeight * 2);
    }

    /// <summary>Ends the list: what follows is text again.</summary>
    public void EndTable() => _y += 4;

    /// <summary>
    /// One record: the heading cells in bold with the aside at the right, then the fields as "Label: valor",
    /// wrapped between fields, never inside one. With <paramref name="link"/>, that cell opens the address
    /// when tapped (a link annotation). A record is never split across pages.
    /// </summary>
    public void Row(IReadOnlyList<string> cells, (int Column, Uri Url)? link = null)
    {
        string Cell(int i) => i < cells.Count ? cells[i] : "";
        var heading = string.Join(" ", _columns.Select((c, i) => (c, i)).Where(x => x.c.Place == PdfPlace.Heading).Select(x => Cell(x.i)).Where(t => t.Length > 0));
        var asideIndex = _columns.Select((c, i) => (c, i)).Where(x => x.c.Place == PdfPlace.Aside).Select(x => (int?)x.i).FirstOrDefault();
        var fields = _columns.Select((c, i) => (c, i)).Where(x => x.c.Place == PdfPlace.Field)
            .Select(x => (Text: $"{x.c.Header}: {Cell(x.i)}", x.i)).ToList();

        var fieldLines = WrapParts(fields.Select(f => f.Text).ToList(), TextFont, ContentWidth);
        EnsureRoom(LineHeight * (1 + fieldLines.Count) + 6);
        var g = _gfx!;
        var aside = asideIndex is { } a ? Cell(a) : "";
        var asideWidth = aside.Length == 0 ? 0 : g.MeasureString(aside, TextFont).Width;
        g.DrawString(Fit(heading, BoldTextFont, ContentWidth - asideWidth - (asideWidth > 0 ? 8 : 0)), BoldTextFont, InkBrush, Margin, _y + 11);
        if (aside.Length > 0)
        {
            var isLink = link is { } l0 && l0.Column == asideIndex;
            g.DrawString(aside, TextFont, isLink ? LinkBrush : InkBrush, Margin + ContentWidth - asideWidth, _y + 11);
            if (isLink) AddLink(Margin + ContentWidth - asideWidth - 4, _y - 2, asideWidth + 8, LineHeight + 4, link!.Value.Url);
        }
        _y += LineHeight;
        foreach (var line in fieldLines)
        {
            g.DrawString(line, TextFont, MutedBrush, Margin, _y + 11);
            _y += LineHeight;
        }
        if (link is { } l && l.Column != asideIndex) AddLink(Margin, _y - LineHeight * (1 + fieldLines.Count), ContentWidth, LineHeight, l.Url);
        _y += 3;
        g.DrawLine(RulePen, Margin, _y, Margin + ContentWidth, _y);
        _y += 3;
    }

    /// <summary>Writes page numbers on every page and returns the PDF and its page count.</summary>
    public (byte[] Pdf, int Pages) Finish()
    {
        _gfx?.Dispose();
        _gfx = null;
        var total = _doc.PageCount;
        for (var i = 0; i < total; i++)
        {
            using var g = XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
            var footerY = _pageHeight - Margin - 4;
            g.DrawLine(RulePen, Margin, footerY - 12, _pageWidth - Margin, footerY - 12);
            var pageText = $"Página {i + 1} de {total}";
            var pageWidth = g.MeasureString(pageText, TextFont).Width;
            g.DrawString(FitWith(g, _businessName, TextFont, ContentWidth - pageWidth - 10), TextFont, MutedBrush, Margin, footerY);
            g.DrawString(pageText, TextFont, MutedBrush, Margin + ContentWidth - pageWidth, footerY);
        }
        using var stream = new MemoryStream();
        _doc.Save(stream, closeStream: false);
        return (stream.ToArray(), total);
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _doc.Dispose();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(PageSize.Width);
        page.Height = XUnit.FromPoint(PageSize.Height);
        _pageWidth = page.Width.Point;
        _pageHeight = page.Height.Point;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
        if (_doc.PageCount > 1)
        {
            // Later pages carry a one-line reminder of what they are.
            _gfx.DrawString(Fit(_title, TextFont, ContentWidth), TextFont, MutedBrush, Margin, _y + 11);
            _y += LineHeight + 6;
        }
    }

    private void EnsureRoom(double height)
    {
        if (_y + height <= _pageHeight - Margin - FooterHeight) return;
        NewPage();
    }

    private void AddLink(double x, double y, double width, double height, Uri url) =>
        // PDF annotations measure from the bottom of the page; XGraphics from the top.
        _doc.Pages[_doc.PageCount - 1].AddWebLink(new PdfRectangle(
            new XPoint(x, _pageHeight - y - height), new XPoint(x + width, _pageHeight - y)), url.AbsoluteUri);

    private List<string> Wrap(string text, XFont font, double width) =>
        WrapParts(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), font, width, " ");

    /// <summary>
    /// Lines of parts joined by <paramref name="separator"/>, broken between parts; a part too wide for a line
    /// of its own (a long reason) is broken between its words, and a word too wide for a line is cut.
    /// </summary>
    private List<string> WrapParts(IReadOnlyList<string> parts, XFont font, double width, string separator = " · ")
    {
        var lines = new List<string>();
        var current = "";
        foreach (var part in parts)
        {
            var candidate = current.Length == 0 ? part : current + separator + part;
            if (_gfx!.MeasureString(candidate, font).Width <= width) current = candidate;
            else if (current.Length > 0 && _gfx.MeasureString(part, font).Width <= width)
            {
                lines.Add(current);
                current = part;
            }
            else if (separator == " ")
            {
                if (current.Length > 0) lines.Add(current);
                current = part;   // a single word wider than the line: cut below
            }
            else
            {
                if (current.Length > 0) lines.Add(current);
                var words = WrapParts(part.Split(' ', StringSplitOptions.RemoveEmptyEntries), font, width, " ");
                lines.AddRange(words[..^1]);
                current = words[^1];
            }
        }
        if (current.Length > 0) lines.Add(Fit(current, font, width));
        return lines;
    }

    private string Fit(string text, XFont font, double width) => FitWith(_gfx!, text, font, width);

    /// <summary>Cuts text that would overflow its width, with an ellipsis. Measures only text that might.</summary>
    private static string FitWith(XGraphics g, string text, XFont font, double width)
    {
        // Liberation Sans's widest glyphs (the dashes, "…", "W") are at most 1 em: anything shorter surely fits.
        if (text.Length * font.Size <= width) return text;
        if (g.MeasureString(text, font).Width <= width) return text;
        var cut = text.Length;
        while (cut > 1 && g.MeasureString(text[..cut] + "…", font).Width > width) cut--;
        return text[..cut] + "…";
    }
}
