using System.Net;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Account;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_owner_signs_out_and_back_in()
    {
        var owner = await app.SignUpAsync("Adega Boa");

        var afterSignOut = await owner.Client.PostAsync("/sair");
        Assert.Equal("/entrar", afterSignOut.Url.AbsolutePath);
        Assert.Equal("/entrar", (await owner.Client.GetAsync("/equipe")).Url.AbsolutePath);

        var (client, page) = await app.SignInAsync(owner.Email, owner.Password);
        Assert.True(page.Shows("Adega Boa"), page.Text);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/equipe")).Status);
    }

    [Fact]
    public async Task A_wrong_password_says_so_in_portuguese()
    {
        var owner = await app.SignUpAsync();

        var (_, page) = await app.SignInAsync(owner.Email, "errada123");

        Assert.Contains("E-mail ou senha incorretos.", page.FormError, StringComparison.Ordinal);
        Assert.Equal("/entrar", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Five_failures_make_that_address_wait_for_a_real_or_an_unknown_email_alike_and_lock_no_account()
    {
        var owner = await app.SignUpAsync();
        var nobody = Scenario.UniqueEmail("ninguem");
        for (var i = 0; i < 5; i++)
        {
            await app.SignInAsync(owner.Email, "errada123");
            await app.SignInAsync(nobody, "errada123");
        }

        var (_, real) = await app.SignInAsync(owner.Email, owner.Password);
        var (_, unknown) = await app.SignInAsync(nobody, "errada123");

        Assert.Equal("Muitas tentativas sem sucesso. Por segurança, aguarde 1 minuto e tente de novo.", real.FormError);
        Assert.Equal(real.FormError, unknown.FormError);
        // Nothing is locked on the account: from another address (SignInThrottleTests) the owner gets in.
        Assert.Null(await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Sign_in_never_tells_a_stranger_whether_an_account_exists_or_is_deactivated()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();
        await owner.Client.PostAsync($"/equipe/{staff.UserId}/desativar");

        var (_, wrongPassword) = await app.SignInAsync(owner.Email, "errada123");
        var (_, noAccount) = await app.SignInAsync(Scenario.UniqueEmail("ninguem"), "errada123");
        var (_, deactivatedWrong) = await app.SignInAsync(staff.Email, "errada123");
        var (_, deactivatedRight) = await app.SignInAsync(staff.Email, staff.Password);

        Assert.Equal("E-mail ou senha incorretos.", wrongPassword.FormError);
        Assert.Equal(wrongPassword.FormError, noAccount.FormError);
        Assert.Equal(wrongPassword.FormError, deactivatedWrong.FormError);
        // Only who knows the password learns why.
        Assert.Contains("Este acesso está desativado.", deactivatedRight.FormError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_staff_member_cannot_sign_in_and_a_reactivated_one_can()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();
        await owner.Client.PostAsync($"/equipe/{staff.UserId}/desativar");

        var (_, refused) = await app.SignInAsync(staff.Email, staff.Password);
        Assert.Contains("Este acesso está desativado.", refused.FormError, StringComparison.Ordinal);

        await owner.Client.PostAsync($"/equipe/{staff.UserId}/reativar");
        var (_, accepted) = await app.SignInAsync(staff.Email, staff.Password);
        Assert.True(accepted.Shows("Olá, Carla Atendente!"), accepted.Text);
    }

    [Fact]
    public async Task A_deactivated_business_cannot_sign_in()
    {
        var owner = await app.SignUpAsync();
        await app.InBusinessAsync(owner.BusinessId, async db =>
        {
            (await db.Businesses.SingleAsync()).IsActive = false;
            return await db.SaveChangesAsync();
        });

        var (_, page) = await app.SignInAsync(owner.Email, owner.Password);

        Assert.Contains("Este acesso está desativado.", page.FormError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_url_elsewhere_is_ignored()
    {
        var owner = await app.SignUpAsync("Loja Retorno");
        var client = app.NewClient();

        var page = await client.SubmitAsync("/entrar?returnUrl=https://malicioso.example/", new Dictionary<string, string>
        {
            ["Email"] = owner.Email, ["Password"] = owner.Password,
        });

        Assert.Equal("/painel", page.Url.AbsolutePath);
        Assert.Equal("localhost", page.Url.Host);
    }
}

/// <summary>A factory whose sign-in limit is low enough to hit.</summary>
public sealed class LowLimitAppFactory : AppFactory
{
    protected override int SignInPermitPerMinute => 3;
}

public sealed class SignInRateLimitTests(LowLimitAppFactory app) : IClassFixture<LowLimitAppFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_a_portuguese_429()
    {
        var client = app.NewClient();
        var fields = new Dictionary<string, string> { ["Email"] = "ninguem@exemplo.com.br", ["Password"] = "x" };
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/entrar", fields)).Status);

        var page = await client.SubmitAsync("/entrar", fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.True(page.Shows("Muitas tentativas em pouco tempo."), page.Text);
        Assert.Equal(0, await app.AsAdminAsync(db => db.Users.CountAsync()));
    }
}
