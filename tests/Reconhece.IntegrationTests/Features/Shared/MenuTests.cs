using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Shared;

/// <summary>
/// The menu (issue 22): a tab bar that marks the section of the page, and "Mais" with every other page for the
/// person's role, so each page is two taps away; the till page is named for what it does.
/// </summary>
public sealed class MenuTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<string> Links(Page page, string selector) =>
        page.Doc.QuerySelectorAll(selector).Select(a => a.TextContent.Trim()).ToList();

    private static List<string> Current(Page page) =>
        page.Doc.QuerySelectorAll("nav.menu a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_section_of_the_page_is_marked_and_only_it()
    {
        var owner = await app.SignUpAsync("Sorveteria Menu");

        var painel = await owner.Client.GetAsync("/painel");
        Assert.Equal(["Início", "Registrar", "Clientes", "Ações", "Mais"], Links(painel, "nav.menu a"));
        Assert.Equal(["Início"], Current(painel));
        Assert.Equal(["Clientes"], Current(await owner.Client.GetAsync("/clientes/segmentos")));
        Assert.Equal(["Ações"], Current(await owner.Client.GetAsync("/acoes/convites")));
        // A page reached through "Mais" keeps "Mais" marked.
        Assert.Equal(["Mais"], Current(await owner.Client.GetAsync("/relatorios")));
        Assert.Equal(["Mais"], Current(await owner.Client.GetAsync("/caixa")));
        var more = await owner.Client.GetAsync("/mais");
        Assert.Equal(["Mais"], Current(more));
        Assert.Equal(["Fechar o dia", "Reconhecimento", "Promoções", "Relatórios", "Programa", "Filiais", "Equipe", "Negócio", "Privacidade"],
            Links(more, "ul.more a"));

        var staff = await owner.AddStaffAsync("Pessoa do Balcão");
        var (counter, _) = await app.SignInAsync(staff.Email, staff.Password);
        var register = await counter.GetAsync("/registrar");
        Assert.Equal(["Registrar", "Clientes", "Ações", "Mais"], Links(register, "nav.menu a"));
        Assert.Equal(["Registrar"], Current(register));
        Assert.Equal(["Fechar o dia"], Links(await counter.GetAsync("/mais"), "ul.more a"));
    }
}
