using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

/// <summary>
/// Registering a purchase costs at most two database round trips (the purchase context when it is not
/// cached, and the purchase itself), with the business setting riding inside them: row-level security
/// adds no round trip. Counted from Npgsql's own tracing: one activity per command sent to PostgreSQL,
/// tied to the request by the trace id the test sends.
/// </summary>
public sealed class PurchaseRoundTripTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly ActivitySource Test = new("Reconhece.Tests.RoundTrips");

    [Fact]
    public async Task A_purchase_takes_at_most_two_round_trips_each_carrying_the_business()
    {
        // A client that does not follow the redirect to the result page, so the POST is the only request.
        var client = new AppClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var email = Scenario.UniqueEmail("contado");
        await client.SubmitAsync("/cadastro", Scenario.SignUpFields("Sorveteria Contada", email));
        var businessId = await app.AsAdminAsync(db => Task.FromResult(db.Users.Where(u => u.Email == email).Select(u => u.BusinessId).Single()));

        var first = await CommandsOfAsync(client);
        var second = await CommandsOfAsync(client);

        Assert.InRange(first.Count, 1, 2);
        Assert.Single(second); // the context is cached now: the purchase alone
        Assert.All(first.Concat(second), sql => Assert.StartsWith("CALL use_business(", sql, StringComparison.Ordinal));
        var balance = await app.InBusinessAsync(businessId, db => Task.FromResult(db.Customers.Single(c => c.Phone == "+5511955554444").Balance));
        Assert.Equal(20m, balance);
    }

    [Fact]
    public async Task With_three_promotions_and_limits_a_purchase_still_takes_one_round_trip_once_cached()
    {
        var client = new AppClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var email = Scenario.UniqueEmail("promocoes");
        await client.SubmitAsync("/cadastro", Scenario.SignUpFields("Sorveteria Promocional", email));
        var businessId = await app.AsAdminAsync(db => Task.FromResult(db.Users.Where(u => u.Email == email).Select(u => u.BusinessId).Single()));
        await client.SubmitAsync("/programa", new Dictionary<string, string> { ["MaxEarningPurchasesPerDay"] = "5", ["MinEarningAmount"] = "5" });
        foreach (var (name, fields) in new[]
        {
            ("Dobro", new Dictionary<string, string> { ["Multiplier"] = "2" }),
            ("Mais cinco", new Dictionary<string, string> { ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "5", ["MaxUsesPerDay"] = "1" }),
            ("Acima de cinco", new Dictionary<string, string> { ["Benefit"] = "PointsPerReaisAbove", ["StepPoints"] = "3", ["StepAmount"] = "1", ["AboveAmount"] = "5" }),
        })
        {
            fields["Name"] = name;
            await client.SubmitAsync("/promocoes/nova", fields);
        }

        await CommandsOfAsync(client);
        var second = await CommandsOfAsync(client);

        var command = Assert.Single(second); // purchase and bonus statements in one command
        Assert.Contains("INSERT INTO purchases", command, StringComparison.Ordinal);
        Assert.Contains("promotion_members", command, StringComparison.Ordinal);
        // R$ 10,00 twice: 10 base each, and each time the best offer, "Acima de cinco": 5 steps × 3 = +15.
        var balance = await app.InBusinessAsync(businessId, db => Task.FromResult(db.Customers.Single(c => c.Phone == "+5511955554444").Balance));
        Assert.Equal(20m + 15m + 15m, balance);
    }

    /// <summary>Registers a R$ 10,00 purchase; returns the SQL of every command the POST sent.</summary>
    private static async Task<List<string>> CommandsOfAsync(AppClient client)
    {
        var form = (await client.GetAsync("/registrar")).Doc.QuerySelectorAll<IHtmlFormElement>("form").First(f => new Uri(f.Action).AbsolutePath == "/registrar");
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is "hidden")
            .ToDictionary(i => i.Name!, i => i.Value);
        values["Phone"] = "11955554444";
        values["Amount"] = "10";

        var statements = new List<string>();
        using var trace = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Reconhece.Tests.RoundTrips",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(trace);
        using var mine = Test.StartActivity("purchase")!;
        using var npgsql = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == mine.TraceId && a.GetTagItem("db.query.text") is string sql) lock (statements) statements.Add(sql);
            },
        };
        ActivitySource.AddActivityListener(npgsql);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/registrar", UriKind.Relative)) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("traceparent", mine.Id);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return statements;
    }
}
