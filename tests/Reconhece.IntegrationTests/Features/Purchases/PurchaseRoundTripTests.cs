using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

/// <summary>
/// Registering a purchase for a customer the business has costs one database round trip once the purchase
/// context is cached; a new customer's costs two (the lean statement finds no one, then the new-phone
/// statement); the context adds one when it is not cached. The business setting rides inside each: row-level
/// security adds no round trip. Counted from Npgsql's own tracing: one activity per command sent to PostgreSQL,
/// tied to the request by the trace id the test sends.
/// </summary>
public sealed class PurchaseRoundTripTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly ActivitySource Test = new("Reconhece.Tests.RoundTrips");

    [Fact]
    public async Task A_known_customer_takes_one_round_trip_and_a_new_one_two_each_carrying_the_business()
    {
        // A client that does not follow the redirect to the result page, so the POST is the only request.
        var client = new AppClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var email = Scenario.UniqueEmail("contado");
        await client.SubmitAsync("/cadastro", Scenario.SignUpFields("Sorveteria Contada", email));
        var businessId = await app.AsAdminAsync(db => Task.FromResult(db.Users.Where(u => u.Email == email).Select(u => u.BusinessId).Single()));

        var first = await CommandsOfAsync(client, "11955554444");
        var known = await CommandsOfAsync(client, "11955554444");
        var another = await CommandsOfAsync(client, "21988887777");

        Assert.InRange(first.Count, 2, 3);       // maybe the context, then the lean statement and the new-phone one
        var command = Assert.Single(known);      // the context is cached now: the purchase alone
        Assert.Contains("UPDATE customers", command, StringComparison.Ordinal);
        Assert.DoesNotContain("blocked_phones", command, StringComparison.Ordinal); // a known phone pays for no new-phone check
        Assert.Equal(2, another.Count);
        Assert.All(first.Concat(known).Concat(another), sql => Assert.StartsWith("CALL use_business(", sql, StringComparison.Ordinal));
        var balance = await app.InBusinessAsync(businessId, db => Task.FromResult(db.Customers.Single(c => c.Phone == "+5511955554444").Balance));
        Assert.Equal(20m, balance);
    }

    [Fact]
    public async Task With_three_promotions_and_limits_a_known_customer_still_takes_one_round_trip()
    {
        var client = new AppClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var email = Scenario.UniqueEmail("promocoes");
        await client.SubmitAsync("/cadastro", Scenario.SignUpFields("Sorveteria Promocional", email));
        var businessId = await app.AsAdminAsync(db => Task.FromResult(db.Users.Where(u => u.Email == email).Select(u => u.BusinessId).Single()));
        await client.SubmitAsync("/programa", new Dictionary<string, string> { ["MaxEarningPurchasesPerDay"] = "5", ["MinEarningAmount"] = "5" });
        foreach (var (name, fields) in new[]
        {
            ("Dobro", new Dictionary<string, string> { ["Multiplier"] = "2" }),
            ("Mais cinquenta", new Dictionary<string, string> { ["Benefit"] = "ExtraPoints", ["ExtraPoints"] = "50", ["MaxUsesPerDay"] = "1" }),
            ("Acima de cinco", new Dictionary<string, string> { ["Benefit"] = "PointsPerReaisAbove", ["StepPoints"] = "3", ["StepAmount"] = "1", ["AboveAmount"] = "5" }),
        })
        {
            fields["Name"] = name;
            await client.SubmitAsync("/promocoes/nova", fields);
        }
        Task<decimal> BalanceAsync() => app.InBusinessAsync(businessId, db => db.Customers.Where(c => c.Phone == "+5511955554444").Select(c => c.Balance).SingleAsync());

        await CommandsOfAsync(client, "11955554444");   // new customer, R$ 10,00: 10 base, "Mais cinquenta" +50
        Assert.Equal(60m, await BalanceAsync());

        // R$ 10,00 again: "Mais cinquenta" (once a day, used) may be the best, so the bonus statement weighs it
        // in the same command, and "Acima de cinco" (5 steps × 3 = +15) wins.
        var weighed = Assert.Single(await CommandsOfAsync(client, "11955554444"));
        Assert.Contains("promotion_members", weighed, StringComparison.Ordinal);
        Assert.Equal(60m + 10m + 15m, await BalanceAsync());

        // R$ 30,00: "Acima de cinco" (+75) beats every other offer and needs no history: the purchase statement
        // writes it itself, no bonus statement.
        var sure = Assert.Single(await CommandsOfAsync(client, "11955554444", "30"));
        Assert.DoesNotContain("promotion_members", sure, StringComparison.Ordinal);
        Assert.Equal(85m + 30m + 75m, await BalanceAsync());
        var bonuses = await app.InBusinessAsync(businessId, db => db.Ledger.Where(l => l.Kind == Reconhece.Web.Domain.LedgerKind.PromotionBonus)
            .OrderBy(l => l.Id).Select(l => new { l.Points, l.BalanceAfter }).ToListAsync());
        Assert.Equal([(50m, 60m), (15m, 85m), (75m, 190m)], bonuses.Select(b => (b.Points, b.BalanceAfter)));
    }

    /// <summary>Registers a purchase (R$ 10,00 unless told); returns the SQL of every command the POST sent.</summary>
    private static async Task<List<string>> CommandsOfAsync(AppClient client, string phone, string amount = "10")
    {
        var form = (await client.GetAsync("/registrar")).Doc.QuerySelectorAll<IHtmlFormElement>("form").First(f => new Uri(f.Action).AbsolutePath == "/registrar");
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is "hidden")
            .ToDictionary(i => i.Name!, i => i.Value);
        values["Phone"] = phone;
        values["Amount"] = amount;

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
