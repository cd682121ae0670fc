using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using Reconhece.Web.Infrastructure.Pdf;

namespace Reconhece.Web.Features.ProgramPage;

/// <summary>An A5 poster for the counter, drawn as vectors: the business, the rule, and a QR code to the public page.</summary>
public static class ProgramPoster
{
    public static byte[] Build(ProgramPageModel model)
    {
        using var doc = new PdfDocument();
        doc.Info.Title = $"Cartaz — {model.BusinessName}";
        var page = doc.AddPage();
        page.Size = PdfSharp.PageSize.A5;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var title = new XFont(PdfFonts.Family, 22, XFontStyleEx.Bold);
            var text = new XFont(PdfFonts.Family, 14, XFontStyleEx.Regular);
            var small = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular);
            var y = 50.0;
            y = Paragraph(gfx, model.BusinessName, title, XBrushes.DarkSlateGray, width, y) + 14;
            y = Paragraph(gfx, model.Rule, text, XBrushes.Black, width, y) + 4;
            y = Paragraph(gfx, model.GoalSentence, text, XBrushes.Black, width, y) + 6;
            foreach (var rule in model.Limits) y = Paragraph(gfx, "• " + rule, small, XBrushes.Black, width, y) + 2;
            y += 10;
            y = Paragraph(gfx, "Informe seu celular no caixa.", text, XBrushes.Black, width, y) + 16;

            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(model.Url, QRCodeGenerator.ECCLevel.M);
            var modules = data.ModuleMatrix;
            // Every rule on the poster takes room: the code shrinks (never below a scannable 120 pt) so the page still holds it all.
            var size = Math.Max(120.0, Math.Min(Math.Min(200.0, width - 100), page.Height.Point - y - 60));
            var cell = size / modules.Count;
            var left = (width - size) / 2;
            for (var row = 0; row < modules.Count; row++)
                for (var col = 0; col < modules.Count; col++)
                    if (modules[row][col]) gfx.DrawRectangle(XBrushes.Black, left + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
            y += size + 12;
            y = Paragraph(gfx, "Regras, seus dados e seus direitos (LGPD):", small, XBrushes.Black, width, y);
            Paragraph(gfx, model.Url, small, XBrushes.Black, width, y);
        }
        using var stream = new MemoryStream();
        doc.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Centred lines, wrapped at word boundaries; returns the y below them.</summary>
    private static double Paragraph(XGraphics gfx, string text, XFont font, XBrush brush, double width, double y)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width - 80)
            {
                y = Centred(gfx, line, font, brush, width, y);
                line = word;
            }
            else line = candidate;
        }
        return line.Length > 0 ? Centred(gfx, line, font, brush, width, y) : y;
    }

    private static double Centred(XGraphics gfx, string line, XFont font, XBrush brush, double width, double y)
    {
        var w = gfx.MeasureString(line, font).Width;
        gfx.DrawString(line, font, brush, (width - w) / 2, y + font.Size);
        return y + font.Size * 1.35;
    }
}
