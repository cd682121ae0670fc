using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Account;

/// <summary>Sessions as a browser holds them: cookies read and replayed by hand.</summary>
public sealed partial class SessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Without_remember_the_cookie_ends_with_the_browser_and_with_it_lasts_at_most_30_days()
    {
        var owner = await app.SignUpAsync();

        var session = await CookieBrowser.SignInAsync(app, owner.Email, owner.Password, remember: false);
        var remembered = await CookieBrowser.SignInAsync(app, owner.Email, owner.Password, remember: true);

        Assert.DoesNotContain("expires=", session.SetCookie, StringComparison.OrdinalIgnoreCase);
        var expires = DateTimeOffset.Parse(ExpiresPattern().Match(remembered.SetCookie).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.01));
        Assert.Contains("httponly", session.SetCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_remember_staff_sessions_idle_out_after_12_hours_and_owner_sessions_after_7_days()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();

        await CookieBrowser.SignInAsync(app, owner.Email, owner.Password, remember: false);
        await CookieBrowser.SignInAsync(app, staff.Email, staff.Password, remember: false);

        var ownerId = await app.AsAdminAsync(db => db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());
        var expiry = await app.AsAdminAsync(db => db.AuthSessions.Where(s => s.BusinessId == owner.BusinessId)
            .OrderByDescending(s => s.CreatedAt).Select(s => new { s.UserId, s.ExpiresAt, s.CreatedAt }).ToListAsync());
        var ownerIdle = expiry.First(s => s.UserId == ownerId);
        var staffIdle = expiry.First(s => s.UserId == staff.UserId);
        Assert.InRange(ownerIdle.ExpiresAt!.Value - ownerIdle.CreatedAt, TimeSpan.FromDays(6.99), TimeSpan.FromDays(7.01));
        Assert.InRange(staffIdle.ExpiresAt!.Value - staffIdle.CreatedAt, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12.1));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_is_dead()
    {
        var owner = await app.SignUpAsync();
        var browser = await CookieBrowser.SignInAsync(app, owner.Email, owner.Password, remember: true);
        var copy = browser.AuthCookie;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/painel")).StatusCode);
        var sessions = await app.AsAdminAsync(db => db.AuthSessions.CountAsync(s => s.BusinessId == owner.BusinessId)); // this one and the sign-up's

        Assert.Equal("/entrar", CookieBrowser.RedirectPath(await browser.PostAsync("/sair", tokenFrom: "/painel")));

        Assert.Equal("/entrar", CookieBrowser.RedirectPath(await CookieBrowser.With(app, copy).GetAsync("/painel")));
        Assert.Equal(sessions - 1, await app.AsAdminAsync(db => db.AuthSessions.CountAsync(s => s.BusinessId == owner.BusinessId)));
    }

    [Fact]
    public async Task Deactivating_a_staff_member_ends_their_open_session_at_the_next_tap()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();
        var phone = await CookieBrowser.SignInAsync(app, staff.Email, staff.Password, remember: false);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/registrar")).StatusCode);

        await owner.Client.PostAsync($"/equipe/{staff.UserId}/desativar");

        Assert.Equal("/entrar", CookieBrowser.RedirectPath(await phone.GetAsync("/registrar")));
    }

    [Fact]
    public async Task A_new_password_set_by_the_owner_ends_the_staff_member_sessions()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();
        var phone = await CookieBrowser.SignInAsync(app, staff.Email, staff.Password, remember: true);

        var saved = await owner.Client.SubmitAsync($"/equipe/{staff.UserId}/editar", new Dictionary<string, string> { ["Password"] = "uma frase nova e longa" });

        Assert.True(saved.Shows("atualizado"), saved.FormError);
        Assert.Equal("/entrar", CookieBrowser.RedirectPath(await phone.GetAsync("/registrar")));
    }

    [Fact]
    public async Task Pages_with_customer_data_are_never_cached_static_files_may_be()
    {
        var owner = await app.SignUpAsync();
        var browser = await CookieBrowser.SignInAsync(app, owner.Email, owner.Password, remember: false);

        var page = await browser.GetAsync("/clientes");
        var css = await browser.GetAsync("/css/site.css");

        Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("no-store", css.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [GeneratedRegex("expires=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiresPattern();
}

public sealed class BusinessDeactivationTests(SessionAppFactory app) : IClassFixture<SessionAppFactory>
{
    [Fact]
    public async Task Deactivating_a_business_ends_its_sessions_within_a_minute()
    {
        var owner = await app.SignUpAsync();
        var phone = await CookieBrowser.SignInAsync(app, owner.Email, owner.Password, remember: true);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/painel")).StatusCode);

        await app.AsAdminAsync(db => db.Businesses.Where(b => b.Id == owner.BusinessId).ExecuteUpdateAsync(u => u.SetProperty(b => b.IsActive, false)));

        // This factory re-checks sessions on every request; the app does it every minute.
        Assert.Equal("/entrar", CookieBrowser.RedirectPath(await phone.GetAsync("/painel")));
    }
}

/// <summary>Sessions re-checked on every request (the app does it every minute), so a test needs no wait.</summary>
public sealed class SessionAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Identity:SecurityStampValidationMinutes", "0");
    }
}
