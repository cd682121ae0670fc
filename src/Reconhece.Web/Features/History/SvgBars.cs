using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Reconhece.Web.Features.History;

/// <summary>
/// A bar chart drawn on the server as inline SVG: no JavaScript, no chart library, a few hundred bytes.
/// It scales to the phone's width (viewBox); its title names it for screen readers, and the table under it
/// carries the same numbers.
/// </summary>
public static class SvgBars
{
    private const int Width = 360, Height = 150, Top = 16, Bottom = 18;

    public static IHtmlContent Render(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<decimal> values, Func<decimal, string> text)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        var slot = (double)Width / Math.Max(1, values.Count);
        var plot = Height - Top - Bottom;
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{WebUtility.HtmlEncode(title)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\" class=\"axis\"/>");
        for (var i = 0; i < values.Count; i++)
        {
            var h = max <= 0 ? 0 : (double)(values[i] / max) * plot;
            var x = i * slot + slot * 0.15;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(Height - Bottom - h)}\" width=\"{N(slot * 0.7)}\" height=\"{N(h)}\"><title>{WebUtility.HtmlEncode($"{labels[i]}: {text(values[i])}")}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(i * slot + slot / 2)}\" y=\"{Height - 5}\">{WebUtility.HtmlEncode(labels[i])}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
