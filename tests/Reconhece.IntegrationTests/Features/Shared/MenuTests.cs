using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Shared;

/// <summary>The menu marks the page the person is on, and names the till page for what it does (issue 22).</summary>
public sealed class MenuTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<string> Current(Page page) =>
        page.Doc.QuerySelectorAll("nav.menu a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_section_of_the_page_is_marked_and_only_it()
    {
        var owner = await app.SignUpAsync("Sorveteria Menu");

        Assert.Equal(["Início"], Current(await owner.Client.GetAsync("/painel")));
        Assert.Equal(["Clientes"], Current(await owner.Client.GetAsync("/clientes/segmentos")));
        Assert.Equal(["Ações"], Current(await owner.Client.GetAsync("/acoes/convites")));
        Assert.Equal(["Fechar o dia"], Current(await owner.Client.GetAsync("/caixa")));

        var staff = await owner.AddStaffAsync("Pessoa do Balcão");
        var (counter, _) = await app.SignInAsync(staff.Email, staff.Password);
        var register = await counter.GetAsync("/registrar");
        Assert.Equal(["Registrar"], Current(register));
        var menu = register.Doc.QuerySelectorAll("nav.menu a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Fechar o dia", menu);
        Assert.DoesNotContain("Caixa", menu);
    }
}
