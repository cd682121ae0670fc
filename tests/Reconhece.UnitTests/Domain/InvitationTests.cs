using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class InvitationTests
{
    [Fact]
    public void The_message_is_filled_with_first_name_business_and_recognition()
    {
        var text = Invitation.Render(LoyaltyProgram.DefaultInvitation, "Paula Souza", "Sorveteria Polo", "brinde de R$ 25");
        Assert.StartsWith("Olá, Paula! Sorveteria Polo aqui.", text, StringComparison.Ordinal);
        Assert.Contains("brinde de R$ 25", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_name_the_greeting_still_reads_well() =>
        Assert.StartsWith("Olá! Loja aqui.", Invitation.Render(LoyaltyProgram.DefaultInvitation, null, "Loja", "x"), StringComparison.Ordinal);

    [Fact]
    public void The_card_link_fills_its_placeholder_and_without_one_its_clause_goes_whole()
    {
        var fields = new MessageFields("Paula Souza", "Sorveteria Polo", 40, 100, "um sorvete", "https://reconhece.app/c/abc");
        Assert.EndsWith("Passe aqui para receber! Seu cartão: https://reconhece.app/c/abc", Invitation.Render(LoyaltyProgram.DefaultInvitation, fields), StringComparison.Ordinal);
        Assert.EndsWith("Passe aqui para receber!", Invitation.Render(LoyaltyProgram.DefaultInvitation, fields with { Card = null }), StringComparison.Ordinal);
        Assert.Empty(Invitation.UnknownPlaceholders("Veja: {cartao}"));
    }

    [Fact]
    public void The_link_opens_WhatsApp_with_the_number_and_the_encoded_message()
    {
        var link = Invitation.WhatsAppLink("+5511912345678", "Olá, Paula! Venha & ganhe 100%");
        Assert.Equal("https://wa.me/5511912345678?text=Ol%C3%A1%2C%20Paula%21%20Venha%20%26%20ganhe%20100%25", link.AbsoluteUri);
    }
}
