using Reconhece.Web.Infrastructure.Pdf;
using Xunit;

namespace Reconhece.UnitTests.Infrastructure;

public sealed class PdfFontsTests
{
    [Fact]
    public void Both_faces_are_checked_so_a_missing_bold_font_is_named()
    {
        var dir = Directory.CreateTempSubdirectory("fonts").FullName;
        File.Copy(Path.Combine(PdfFonts.DefaultFolder, "LiberationSans-Regular.ttf"), Path.Combine(dir, "LiberationSans-Regular.ttf"));

        Assert.Equal(["LiberationSans-Bold.ttf"], PdfFonts.Missing(dir));
        Assert.Empty(PdfFonts.Missing(PdfFonts.DefaultFolder));
        Assert.Equal(["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"], PdfFonts.Missing("/nao/existe"));
    }
}
