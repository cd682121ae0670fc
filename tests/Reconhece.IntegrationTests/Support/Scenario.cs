using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Reconhece.IntegrationTests.Support;

/// <summary>A signed-up business with its owner signed in.</summary>
public sealed record OwnerSession(AppFactory App, AppClient Client, string Email, string Password, Guid BusinessId, Guid BranchId, string BusinessName)
{
    /// <summary>Adds a staff member (Atendente) through the Equipe page; returns their login.</summary>
    public async Task<StaffLogin> AddStaffAsync(string name = "Carla Atendente", Guid? branchId = null)
    {
        var email = Scenario.UniqueEmail("atendente");
        var page = await Client.SubmitAsync("/equipe/novo", new Dictionary<string, string>
        {
            ["FullName"] = name, ["Email"] = email, ["Password"] = Scenario.Password,
            ["BranchId"] = (branchId ?? BranchId).ToString(), ["Role"] = "Atendente",
        });
        Assert.True(page.Shows("já pode entrar"), page.Text);
        var id = await App.AsAdminAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new StaffLogin(email, Scenario.Password, id);
    }
}

public sealed record StaffLogin(string Email, string Password, Guid UserId);

public static class Scenario
{
    public const string Password = "pao de queijo 7";
    private static int _counter;

    public static string UniqueEmail(string who) => $"{who}.{Interlocked.Increment(ref _counter)}.{Guid.NewGuid():N}"[..(who.Length + 14)] + "@exemplo.com.br";

    public static Dictionary<string, string> SignUpFields(string businessName, string email) => new()
    {
        ["BusinessName"] = businessName, ["OwnerName"] = "Marina Dona", ["Email"] = email,
        ["Mobile"] = "(11) 98765-4321", ["Password"] = Password,
    };

    /// <summary>
    /// "Cadastre seu negócio" through the real form; the owner is then signed in and, unless
    /// <paramref name="confirmEmail"/> is false, has confirmed their email (AccountEmailTests follow the real link).
    /// </summary>
    public static async Task<OwnerSession> SignUpAsync(this AppFactory app, string businessName = "Sorveteria Teste", bool confirmEmail = true)
    {
        var client = app.NewClient();
        var email = UniqueEmail("dono");
        var page = await client.SubmitAsync("/cadastro", SignUpFields(businessName, email));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Shows(businessName), page.Text);
        var (businessId, branchId) = await app.AsAdminAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return (user.BusinessId, user.BranchId!.Value);
        });
        // What the link in the confirmation email does (AccountEmailTests follow the real link).
        if (confirmEmail)
            await app.AsAdminAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true)));
        return new OwnerSession(app, client, email, Password, businessId, branchId, businessName);
    }

    public static async Task<(AppClient Client, Page Page)> SignInAsync(this AppFactory app, string email, string password)
    {
        var client = app.NewClient();
        var page = await client.SubmitAsync("/entrar", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        return (client, page);
    }
}
