using Reconhece.Web.Infrastructure.Pdf;
using Xunit;

namespace Reconhece.UnitTests.Infrastructure;

public sealed class PdfFontsTests
{
    [Fact]
    public void Both_faces_are_checked_so_a_missing_bold_font_is_named()
    {
        var dir = Directory.CreateTempSubdirectory("fonts").FullName;
        File.Copy(Path.Combine(PdfFonts.DefaultFolder, "DejaVuSans.ttf"), Path.Combine(dir, "DejaVuSans.ttf"));

        Assert.Equal(["DejaVuSans-Bold.ttf"], PdfFonts.Missing(dir));
        Assert.Empty(PdfFonts.Missing(PdfFonts.DefaultFolder));
        Assert.Equal(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"], PdfFonts.Missing("/nao/existe"));
    }
}
