using System.Text.RegularExpressions;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Agenda;
using Xunit;

namespace Reconhece.UnitTests.Domain;

/// <summary>The default messages name the business without an article: "na Bar do Zé" is wrong (issue 22).</summary>
public sealed partial class MessageWordingTests
{
    [GeneratedRegex(@"(?i)\b(a|à|o|da|do|na|no|de|em|pela|pelo)\s+\{negocio\}")]
    private static partial Regex ArticleBeforeName();

    [Fact]
    public void No_default_message_puts_an_article_or_preposition_before_the_business_name()
    {
        var t = new KeysAsText();
        var templates = Enum.GetValues<AgendaList>().Select(l => AgendaLists.DefaultTemplate(l, t)).Append(LoyaltyProgram.DefaultInvitation).ToList();

        Assert.All(templates, m => Assert.Contains("{negocio}", m, StringComparison.Ordinal));
        Assert.DoesNotContain(templates, m => ArticleBeforeName().IsMatch(m));
        Assert.Equal("Olá, Paula! Bar do Zé aqui: você atingiu a meta e ganhou um chope. Passe aqui para retirar!",
            Invitation.Render(AgendaLists.DefaultTemplate(AgendaList.Goal, t), new MessageFields("Paula Souza", "Bar do Zé", 500, 500, "um chope")));
    }

    [Fact]
    public void The_rule_catches_the_old_wording() =>
        Assert.Matches(ArticleBeforeName(), "Olá, {nome}! Você atingiu a meta na {negocio} e ganhou {premio}.");
}
