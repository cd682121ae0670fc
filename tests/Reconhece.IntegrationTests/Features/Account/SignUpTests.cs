using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Account;

public sealed class SignUpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Sign_up_creates_the_business_its_first_branch_and_the_signed_in_owner()
    {
        var owner = await app.SignUpAsync("Sorveteria da Praça");

        var home = await owner.Client.GetAsync("/");
        Assert.True(home.Shows("Sorveteria da Praça"));
        Assert.True(home.Shows("Olá, Marina Dona!"));
        var (business, branches, roles, phone) = await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            var user = await db.Users.SingleAsync();
            var roleNames = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            return (await db.Businesses.SingleAsync(), await db.Branches.Select(b => b.Name).ToListAsync(), roleNames, user.PhoneNumber);
        });
        Assert.Equal("America/Sao_Paulo", business.TimeZoneId);
        Assert.Equal("pt-BR", business.Culture);
        Assert.Equal(["Principal"], branches);
        Assert.Equal([Roles.Owner], roles);
        Assert.Equal("+5511987654321", phone);
    }

    [Fact]
    public async Task An_email_already_in_use_is_refused_in_portuguese_and_nothing_is_created()
    {
        var first = await app.SignUpAsync("Primeira Loja");
        var before = await app.AsAdminAsync(db => db.Businesses.CountAsync());

        var page = await app.NewClient().SubmitAsync("/cadastro", Scenario.SignUpFields("Segunda Loja", first.Email.ToUpperInvariant()));

        Assert.Equal("Este e-mail já está cadastrado.", page.FieldError("Email"));
        Assert.Equal(before, await app.AsAdminAsync(db => db.Businesses.CountAsync()));
    }

    [Theory]
    [InlineData("curta1", "A senha precisa ter pelo menos 8 caracteres.")]
    [InlineData("12345678", "Esta senha é muito comum e fácil de adivinhar. Escolha outra.")]
    [InlineData("minha Loja Senha 1", "A senha não pode conter o nome do negócio nem o seu e-mail.")]
    public async Task Weak_passwords_are_explained_in_portuguese(string password, string message)
    {
        var fields = Scenario.SignUpFields("Loja Senha", Scenario.UniqueEmail("senha"));
        fields["Password"] = password;

        var page = await app.NewClient().SubmitAsync("/cadastro", fields);

        Assert.Contains(message, page.FieldError("Password"), StringComparison.Ordinal);
        Assert.False(await app.AsAdminAsync(db => db.Users.AnyAsync(u => u.Email == fields["Email"])));
    }

    [Theory]
    [InlineData("1234", "Faltam dígitos")]
    [InlineData("(11) 3333-4444", "Este número não é de celular")]   // a landline, not a mobile
    [InlineData("+1 212 555 0100", "Só celulares do Brasil")]  // not Brazilian
    [InlineData("<script>alert(1)</script>", "Use só números")]
    public async Task An_invalid_mobile_is_refused_with_a_clear_message(string mobile, string message)
    {
        var fields = Scenario.SignUpFields("Loja Celular", Scenario.UniqueEmail("cel"));
        fields["Mobile"] = mobile;

        var page = await app.NewClient().SubmitAsync("/cadastro", fields);

        Assert.StartsWith(message, page.FieldError("Mobile"), StringComparison.Ordinal);
        Assert.False(await app.AsAdminAsync(db => db.Users.AnyAsync(u => u.Email == fields["Email"])));
    }

    [Fact]
    public async Task Missing_fields_get_portuguese_messages_not_a_500()
    {
        var page = await app.NewClient().SubmitAsync("/cadastro", new Dictionary<string, string>
        {
            ["BusinessName"] = "", ["OwnerName"] = "", ["Email"] = "nao-e-email", ["Mobile"] = "", ["Password"] = "",
        });

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Equal("Informe o nome do negócio.", page.FieldError("BusinessName"));
        Assert.Equal("Informe o seu nome.", page.FieldError("OwnerName"));
        Assert.Equal("Informe um e-mail válido.", page.FieldError("Email"));
        Assert.Equal("Crie uma senha.", page.FieldError("Password"));
    }

    [Fact]
    public async Task Html_in_a_business_name_is_shown_as_text_never_run()
    {
        var owner = await app.SignUpAsync("<b>Loja</b><script>x()</script>");

        var home = await owner.Client.GetAsync("/");

        Assert.Empty(home.Doc.QuerySelectorAll("main script"));
        Assert.True(home.Shows("<b>Loja</b><script>x()</script>"));
    }
}
