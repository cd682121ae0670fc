using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Reconhece.Web.Infrastructure.Pdf;

/// <summary>A bar chart: a bar per label, each with its short value above it; a null value draws no bar and reads "—".</summary>
public sealed record PdfChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values, Func<decimal, string> ShortText);

/// <summary>A table column: header text, width in points, right-aligned for numbers.</summary>
public sealed record PdfColumn(string Header, double Width, bool Right = false);

/// <summary>
/// The one layout every report uses: a title block (business, report, period, generated at), summary
/// lines, then a table whose header row repeats on every page, and a footer with "Página X de N".
/// Rows are written one at a time as they stream from the database; PDFsharp keeps the pages until
/// <see cref="Finish"/> writes the file.
/// </summary>
public sealed class PdfReportWriter : IDisposable
{
    private const double Margin = 36, FooterHeight = 28, RowHeight = 13, HeaderRowHeight = 16;
    private static readonly XColor Ink = XColor.FromArgb(31, 41, 55);
    private static readonly XBrush InkBrush = new XSolidBrush(Ink);
    private static readonly XBrush LinkBrush = new XSolidBrush(XColor.FromArgb(15, 118, 110));
    private static readonly XBrush MutedBrush = new XSolidBrush(XColor.FromArgb(100, 116, 139));
    private static readonly XBrush AccentBrush = new XSolidBrush(XColor.FromArgb(15, 118, 110));
    private static readonly XBrush ZebraBrush = new XSolidBrush(XColor.FromArgb(241, 245, 249));
    private static readonly XBrush HeaderBrush = new XSolidBrush(XColor.FromArgb(226, 232, 240));
    private static readonly XFont TitleFont = new(PdfFonts.Family, 16, XFontStyleEx.Bold);
    private static readonly XFont TextFont = new(PdfFonts.Family, 9.5, XFontStyleEx.Regular);
    private static readonly XFont BoldTextFont = new(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
    private static readonly XFont CellFont = new(PdfFonts.Family, 7.5, XFontStyleEx.Regular);
    private static readonly XFont CellBoldFont = new(PdfFonts.Family, 7.5, XFontStyleEx.Bold);
    private static readonly XFont SmallFont = new(PdfFonts.Family, 7.5, XFontStyleEx.Regular);
    private static readonly XFont ChartFont = new(PdfFonts.Family, 6.5, XFontStyleEx.Regular);
    private static readonly XBrush BarBrush = new XSolidBrush(XColor.FromArgb(153, 204, 199));

    private readonly PdfDocument _doc = new();
    private readonly string _title, _businessName, _period, _generatedAt;
    private IReadOnlyList<PdfColumn> _columns = [];
    private XGraphics? _gfx;
    private double _y, _pageHeight, _pageWidth;
    private int _rowsOnPage;
    private bool _inTable;

    public PdfReportWriter(string title, string businessName, string period, string generatedAt)
    {
        (_title, _businessName, _period, _generatedAt) = (title, businessName, period, generatedAt);
        _doc.Info.Title = $"{title} — {businessName}";
        _doc.Info.Creator = "Reconhece";
        NewPage();
        _gfx!.DrawString(businessName, TextFont, MutedBrush, Margin, _y + 10);
        _y += 16;
        _gfx.DrawString(title, TitleFont, AccentBrush, Margin, _y + 16);
        _y += 24;
        _gfx.DrawString(period, BoldTextFont, InkBrush, Margin, _y + 10);
        _y += 14;
        _gfx.DrawString(generatedAt, SmallFont, MutedBrush, Margin, _y + 9);
        _y += 20;
    }

    public double ContentWidth => _pageWidth - 2 * Margin;

    /// <summary>A paragraph above the table (totals, explanations), wrapped at word boundaries.</summary>
    public void Line(string text, bool bold = false)
    {
        var font = bold ? BoldTextFont : TextFont;
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            EnsureRoom(14);
            _gfx!.DrawString(line, font, InkBrush, Margin, _y + 10);
            _y += 14;
        }
    }

    public void Space(double points = 8) => _y += points;

    /// <summary>
    /// A bar chart across the page, drawn as vectors (rectangles and text, no image): sharp at any zoom,
    /// a few hundred bytes, and its numbers stay text a reader can copy. The last bar (the latest period) is
    /// in the accent colour.
    /// </summary>
    public void Chart(PdfChart chart)
    {
        const double TitleHeight = 14, BarsHeight = 56, ValueHeight = 9, LabelHeight = 11;
        EnsureRoom(TitleHeight + ValueHeight + BarsHeight + LabelHeight + 8);
        var g = _gfx!;
        g.DrawString(chart.Title, BoldTextFont, InkBrush, Margin, _y + 10);
        _y += TitleHeight;
        var top = _y + ValueHeight;
        var baseline = top + BarsHeight;
        var max = chart.Values.Max(v => v ?? 0m);
        var slot = ContentWidth / Math.Max(1, chart.Labels.Count);
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            var x = Margin + i * slot;
            var value = i < chart.Values.Count ? chart.Values[i] : null;
            var height = value is { } v && max > 0 ? (double)(v / max) * BarsHeight : 0;
            if (height > 0)
                g.DrawRectangle(i == chart.Labels.Count - 1 ? AccentBrush : BarBrush, x + slot * 0.15, baseline - height, slot * 0.7, height);
            var label = value is { } shown ? chart.ShortText(shown) : "—";
            g.DrawString(Fit(label, ChartFont, slot - 2), ChartFont, MutedBrush, new XRect(x, baseline - height - ValueHeight, slot, ValueHeight), XStringFormats.Center);
            g.DrawString(Fit(chart.Labels[i], ChartFont, slot - 2), ChartFont, InkBrush, new XRect(x, baseline + 1, slot, LabelHeight), XStringFormats.Center);
        }
        g.DrawLine(new XPen(XColor.FromArgb(203, 213, 225), 0.5), Margin, baseline, Margin + ContentWidth, baseline);
        _y = baseline + LabelHeight + 8;
    }

    /// <summary>Ends the table: what follows is text again, and new pages no longer start with its header.</summary>
    public void EndTable()
    {
        _inTable = false;
        _y += 6;
    }

    /// <summary>Starts the table: from here on each page begins with this header row.</summary>
    public void BeginTable(IReadOnlyList<PdfColumn> columns)
    {
        _columns = columns;
        _inTable = true;
        EnsureRoom(HeaderRowHeight + RowHeight);
        DrawHeaderRow();
    }

    /// <summary>A table row; with <paramref name="link"/>, that cell opens the address when tapped (a link annotation).</summary>
    public void Row(IReadOnlyList<string> cells, bool bold = false, (int Column, Uri Url)? link = null)
    {
        if (_y + RowHeight > _pageHeight - Margin - FooterHeight)
        {
            NewPage();
            DrawHeaderRow();
        }
        if (_rowsOnPage++ % 2 == 1) _gfx!.DrawRectangle(ZebraBrush, Margin, _y, ContentWidth, RowHeight);
        DrawCells(cells, bold ? CellBoldFont : CellFont, _y, link?.Column);
        if (link is { } l)
        {
            var x = Margin + _columns.Take(l.Column).Sum(c => c.Width);
            // PDF annotations measure from the bottom of the page; XGraphics from the top.
            _doc.Pages[_doc.PageCount - 1].AddWebLink(new PdfRectangle(
                new XPoint(x, _pageHeight - _y - RowHeight), new XPoint(x + _columns[l.Column].Width, _pageHeight - _y)), l.Url.AbsoluteUri);
        }
        _y += RowHeight;
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
            var footerY = _pageHeight - Margin - 8;
            g.DrawLine(new XPen(XColor.FromArgb(203, 213, 225), 0.5), Margin, footerY - 10, _pageWidth - Margin, footerY - 10);
            g.DrawString($"{_title} · {_businessName}", SmallFont, MutedBrush, Margin, footerY);
            g.DrawString($"Página {i + 1} de {total}", SmallFont, MutedBrush,
                new XRect(Margin, footerY - 8, ContentWidth, 10), XStringFormats.TopRight);
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
        page.Size = PdfSharp.PageSize.A4;
        _pageWidth = page.Width.Point;
        _pageHeight = page.Height.Point;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
        _rowsOnPage = 0;
        if (_doc.PageCount > 1)
        {
            // Later pages carry a one-line reminder of what they are.
            _gfx.DrawString($"{_title} · {_period}", SmallFont, MutedBrush, Margin, _y + 8);
            _y += 16;
        }
    }

    private void EnsureRoom(double height)
    {
        if (_y + height <= _pageHeight - Margin - FooterHeight) return;
        NewPage();
        if (_inTable) DrawHeaderRow();
    }

    private void DrawHeaderRow()
    {
        _gfx!.DrawRectangle(HeaderBrush, Margin, _y, ContentWidth, HeaderRowHeight);
        DrawCells(_columns.Select(c => c.Header).ToList(), CellBoldFont, _y + 1.5);
        _y += HeaderRowHeight;
    }

    private void DrawCells(IReadOnlyList<string> cells, XFont font, double y, int? linkColumn = null)
    {
        var x = Margin;
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            var text = Fit(i < cells.Count ? cells[i] : "", font, column.Width - 6);
            var rect = new XRect(x + 3, y + 2.5, column.Width - 6, RowHeight - 2);
            _gfx!.DrawString(text, font, i == linkColumn ? LinkBrush : InkBrush, rect, column.Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            x += column.Width;
        }
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && _gfx!.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = candidate;
        }
        lines.Add(Fit(current, font, width));
        return lines;
    }

    /// <summary>Cuts text that would overflow its cell, with an ellipsis. Measures only text that might.</summary>
    private string Fit(string text, XFont font, double width)
    {
        // Liberation Sans's widest glyphs (the dashes, "…", "W") are at most 1 em: anything shorter surely fits.
        if (text.Length * font.Size <= width) return text;
        if (_gfx!.MeasureString(text, font).Width <= width) return text;
        var cut = text.Length;
        while (cut > 1 && _gfx.MeasureString(text[..cut] + "…", font).Width > width) cut--;
        return text[..cut] + "…";
    }
}
