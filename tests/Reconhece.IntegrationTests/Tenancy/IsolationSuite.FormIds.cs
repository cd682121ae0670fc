using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Tenancy;

/// <summary>
/// The routes and form fields to try come from the app's own endpoints: a new route with an id, or a new
/// form field carrying an id, fails <see cref="Every_id_the_app_takes_is_tried_across_businesses"/> until
/// it is added to <see cref="IsolationCases"/>.
/// </summary>
public abstract partial class IsolationSuite<TFactory>
{
    /// <summary>Form and query fields that name another row; matched by name, any case.</summary>
    private static readonly string[] IdFields = ["branchId", "IdempotencyKey", "RequestKey", "CustomerId", "Key", "mergedId", "com", "Id", "BranchIds", "purchase", "cliente"];


    [Fact]
    public void Every_id_the_app_takes_is_tried_across_businesses()
    {
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action) continue;
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                if (endpoint.RoutePattern.Parameters.Any(p => p.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase)))
                    routes.Add($"{method} {Shape(route)}");
                // Route parameters are tried by the route cases; these are the form and query fields.
                foreach (var name in BoundNames(action).Where(n => IdFields.Contains(n, StringComparer.OrdinalIgnoreCase)
                             && !endpoint.RoutePattern.Parameters.Any(p => p.Name.Equals(n, StringComparison.OrdinalIgnoreCase))))
                    fields.Add($"{method} {Shape(route)} {name}");
            }
        }

        var triedRoutes = IsolationCases.IdRoutes.Select(r => $"{r[0]} {Shape((string)r[1])}")
            .Append($"GET {Shape("/relatorios/{run}/{slug}.pdf")}"); // Another_business_report_pdfs_answer_404...
        var triedFields = IsolationCases.FormIdCases.Select(r => $"{r[0]} {Shape((string)r[1])} {r[2]}");
        // Named, not just counted: the message says which route or field is missing or stale.
        Assert.Empty(routes.Except(triedRoutes, StringComparer.Ordinal));
        Assert.Empty(triedRoutes.Except(routes, StringComparer.Ordinal));
        Assert.Empty(fields.Except(triedFields, StringComparer.Ordinal));
        Assert.Empty(triedFields.Except(fields, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(IsolationCases.FormIdCases), MemberType = typeof(IsolationCases))]
    public async Task Another_business_ids_in_a_form_change_nothing_of_it_and_show_nothing_of_it(string method, string route, string field)
    {
        Assert.True(method is "GET" or "POST", method);
        var seed = await SeededAAsync();
        var (a, aCustomer, aPromotion, aRunId, aPurchase) = (seed.Owner, seed.Customer, seed.Promotion, seed.RunId, seed.Purchase);
        var (purchaseKey, adjustKey, recognitionKey, reportKey, contactKey, invitationKey) =
            (seed.PurchaseKey, seed.AdjustKey, seed.RecognitionKey, seed.ReportKey, seed.ContactKey, seed.InvitationKey);

        var b = await app.SignUpAsync("Empresa B");
        var bStaff = await b.AddStaffAsync("Pessoa de B");
        await b.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "10" });
        await b.Client.RegisterPurchaseAsync("11933332222", "50", name: "Cliente de B");
        var bCustomer = (await b.CustomerAsync("+5511933332222")).Id;
        var before = await SnapshotAsync(a.BusinessId);
        var bStaffBranch = await app.InBusinessAsync(b.BusinessId, db => db.Users.Where(u => u.Id == bStaff.UserId).Select(u => u.BranchId).SingleAsync());

        var foreign = field switch
        {
            "branchId" or "BranchId" or "BranchIds" => a.BranchId,
            "Id" => aPromotion,
            "CustomerId" or "customerId" or "mergedId" or "com" or "cliente" => aCustomer,
            "Key" or "key" => contactKey,
            "purchase" => aPurchase,
            "idempotencyKey" => recognitionKey,
            "IdempotencyKey" when route == "/registrar" => purchaseKey,
            "IdempotencyKey" when route.StartsWith("/clientes", StringComparison.Ordinal) => adjustKey,
            "IdempotencyKey" when route == "/acoes/convites" => invitationKey,
            "IdempotencyKey" => recognitionKey,
            _ => reportKey,
        };
        var bInvitation = route.Contains("{invitation}", StringComparison.Ordinal)
            ? Guid.Parse((await b.Client.SubmitAsync("/acoes/convites", new Dictionary<string, string>
                { ["Occasion"] = "Festa de B", ["OccasionDate"] = "13/12/2026", ["Audience"] = "ClassA" })).Url.AbsolutePath.Split('/').Last())
            : Guid.Empty;
        var bPromotion = route.Contains("{promotion}", StringComparison.Ordinal) ? await PromotionAsync(b) : Guid.Empty;
        var url = route.Replace("{staff}", bStaff.UserId.ToString(), StringComparison.Ordinal)
            .Replace("{promotion}", bPromotion.ToString(), StringComparison.Ordinal)
            .Replace("{metrica}", "faturamento", StringComparison.Ordinal)
            .Replace("{invitation}", bInvitation.ToString(), StringComparison.Ordinal)
            .Replace("{customer}", bCustomer.ToString(), StringComparison.Ordinal)
            .Replace("{token}", app.Services.GetRequiredService<Reconhece.Web.Features.Cards.CardLinks>().Token(b.BusinessId, bCustomer, 0), StringComparison.Ordinal);
        var formPage = route switch
        {
            "/c/{token}/meus-dados" => url[..^"/meus-dados".Length],
            "/clientes/{customer}/ajuste" or "/clientes/{customer}/entregar-brinde" => $"/clientes/{bCustomer}",
            "/clientes/{customer}/pedidos" => $"/clientes/{bCustomer}/privacidade",
            "/relatorios/gerar" or "/relatorios/enviar" => "/relatorios",
            "/acoes/contato" or "/acoes/adiar" => "/acoes?lista=meta",
            "/acoes/convites" => "/acoes/convites",
            "/acoes/convites/{invitation}/contato" => $"/acoes/convites/{bInvitation}",
            _ => url,
        };
        var fields = new Dictionary<string, string>
        {
            [field] = foreign.ToString(), ["Phone"] = "11933332222", ["Amount"] = "10", ["FullName"] = "Infiltrado",
            ["Email"] = Scenario.UniqueEmail("infiltrado"), ["Password"] = Scenario.Password, ["Points"] = "1", ["Reason"] = "teste",
            ["Occasion"] = "Festa de B", ["OccasionDate"] = "13/12/2026", ["Name"] = "Promoção de B",
        };
        // "Adiar 7 dias" is a second button of the contact form (formaction): posted as that button would.
        var page = method == "GET" ? await b.Client.GetAsync($"{url}?{field}={foreign}")
            : route is "/acoes/adiar" or "/acoes/contato/desfazer" ? await b.Client.PostAsync(url, fields) : await b.Client.SubmitAsync(formPage, fields, url);

        Assert.NotEqual(HttpStatusCode.InternalServerError, page.Status);
        Assert.DoesNotContain("Cliente de A", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(aRunId, page.Doc.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(a.BusinessId));
        Assert.False(await app.AsAdminAsync(db => db.Users.AnyAsync(u => u.FullName == "Infiltrado" && u.BranchId == a.BranchId)));
        Assert.False(await app.AsAdminAsync(db => db.Purchases.AnyAsync(p => p.BusinessId == b.BusinessId && p.BranchId == a.BranchId)));
        Assert.Equal(bStaffBranch, await app.InBusinessAsync(b.BusinessId, db => db.Users.Where(u => u.Id == bStaff.UserId).Select(u => u.BranchId).SingleAsync()));
    }

    /// <summary>Route parameters and complex-parameter properties an action binds, by name.</summary>
    private static IEnumerable<string> BoundNames(ControllerActionDescriptor action) =>
        action.Parameters.Where(p => p.BindingInfo?.BindingSource != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Services).SelectMany(p => p.ParameterType.IsClass && p.ParameterType != typeof(string) && p.ParameterType.Namespace!.StartsWith("Reconhece", StringComparison.Ordinal)
            ? p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(x => x.Name)
            : [p.Name]);

    /// <summary>"/equipe/{id:guid}/editar" and "/equipe/{staff}/editar" have the same shape.</summary>
    private static string Shape(string route) => Regex.Replace(route, "{[^}]*}", "{}");
}

/// <summary>What the isolation suite tries: every route with an id, every form field with an id.</summary>
public static class IsolationCases
{
    public static TheoryData<string, string> IdRoutes => new()
    {
        { "GET", "/filiais/{branch}/editar" },
        { "POST", "/filiais/{branch}/editar" },
        { "POST", "/filiais/{branch}/desativar" },
        { "POST", "/filiais/{branch}/reativar" },
        { "GET", "/equipe/{staff}/editar" },
        { "POST", "/equipe/{staff}/editar" },
        { "POST", "/equipe/{staff}/desativar" },
        { "POST", "/equipe/{staff}/reativar" },
        { "GET", "/compras/{purchase}" },
        { "GET", "/compras/{purchase}/cartao" },
        { "GET", "/clientes/{customer}/cartao" },
        { "POST", "/clientes/{customer}/cartao/novo" },
        { "POST", "/compras/{purchase}/estornar" },
        { "POST", "/compras/{purchase}/nome" },
        { "GET", "/clientes/{customer}" },
        { "GET", "/clientes/{customer}/editar" },
        { "POST", "/clientes/{customer}/editar" },
        { "POST", "/clientes/{customer}/ajuste" },
        { "GET", "/reconhecimento/{customer}" },
        { "POST", "/reconhecimento/{customer}" },
        { "POST", "/clientes/{customer}/entregar-brinde" },
        { "GET", "/clientes/{customer}/sem-contato" },
        { "POST", "/clientes/{customer}/sem-contato" },
        { "POST", "/clientes/{customer}/aceita-contato" },
        { "GET", "/clientes/{customer}/celular" },
        { "POST", "/clientes/{customer}/celular" },
        { "GET", "/clientes/{customer}/unir" },
        { "POST", "/clientes/{customer}/unir" },
        { "GET", "/clientes/{customer}/privacidade" },
        { "GET", "/clientes/{customer}/dados.json" },
        { "GET", "/clientes/{customer}/dados.pdf" },
        { "POST", "/clientes/{customer}/anonimizar" },
        { "POST", "/clientes/{customer}/bloquear" },
        { "POST", "/clientes/{customer}/pedidos" },
        { "POST", "/clientes/{customer}/pedidos/{request}/respondido" },
        { "GET", "/clientes/importar/{import}" },
        { "POST", "/clientes/importar/{import}" },
        { "GET", "/acoes/convites/{invitation}" },
        { "POST", "/acoes/convites/{invitation}/contato" },
        { "POST", "/acoes/convites/{invitation}/todos" },
        { "GET", "/acoes/convites/{invitation}/convidados.csv" },
        { "POST", "/acoes/convites/{invitation}/enviar" },
        { "GET", "/promocoes/{promotion}" },
        { "GET", "/promocoes/{promotion}/editar" },
        { "POST", "/promocoes/{promotion}/editar" },
        { "POST", "/promocoes/{promotion}/encerrar" },
    };

    public static TheoryData<string, string, string> FormIdCases => new()
    {
        { "POST", "/registrar", "branchId" },
        { "POST", "/registrar", "IdempotencyKey" },
        { "POST", "/registrar", "CustomerId" },
        { "GET", "/registrar", "cliente" },
        { "POST", "/equipe/novo", "BranchId" },
        { "POST", "/equipe/{staff}/editar", "BranchId" },
        { "POST", "/clientes/{customer}/ajuste", "IdempotencyKey" },
        { "POST", "/reconhecimento/{customer}", "IdempotencyKey" },
        { "POST", "/clientes/{customer}/entregar-brinde", "idempotencyKey" },
        { "POST", "/clientes/{customer}/entregar-brinde", "purchase" },
        { "POST", "/relatorios/gerar", "requestKey" },
        { "POST", "/relatorios/enviar", "requestKey" },
        { "POST", "/acoes/contato", "CustomerId" },
        { "POST", "/acoes/contato", "Key" },
        { "POST", "/acoes/contato/desfazer", "key" },
        { "POST", "/c/{token}/meus-dados", "Key" },
        { "POST", "/acoes/adiar", "customerId" },
        { "POST", "/acoes/convites", "IdempotencyKey" },
        { "POST", "/acoes/convites/{invitation}/contato", "customerId" },
        { "POST", "/clientes/{customer}/unir", "mergedId" },
        { "POST", "/clientes/{customer}/unir", "key" },
        { "GET", "/clientes/{customer}/unir", "com" },
        { "POST", "/clientes/{customer}/pedidos", "IdempotencyKey" },
        { "POST", "/caixa", "BranchId" },
        { "GET", "/painel/historico", "branchId" },
        { "GET", "/painel/historico/{metrica}.csv", "branchId" },
        { "POST", "/promocoes/nova", "Id" },
        { "POST", "/promocoes/nova", "BranchIds" },
        { "POST", "/promocoes/{promotion}/editar", "BranchIds" },
    };
}
