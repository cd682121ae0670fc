using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.IntegrationTests.Support;

/// <summary>The core loop through the real forms: settings, purchases, recognition.</summary>
public static class LoyaltyScenario
{
    /// <summary>Fills "Registrar compra" and submits it; returns the result page.</summary>
    public static Task<Page> RegisterPurchaseAsync(this AppClient client, string phone, string? amount = null, string? quantity = null,
        string? name = null, Guid? branchId = null)
    {
        var fields = new Dictionary<string, string> { ["Phone"] = phone };
        if (amount is not null) fields["Amount"] = amount;
        if (quantity is not null) fields["Quantity"] = quantity;
        if (name is not null) fields["Customer.Name"] = name;
        if (branchId is not null) fields["branchId"] = branchId.Value.ToString();
        return client.SubmitAsync("/registrar", fields);
    }

    /// <summary>Changes some program settings through the Programa page (others keep their values).</summary>
    public static async Task<Page> SetProgramAsync(this OwnerSession owner, Dictionary<string, string> fields)
    {
        var page = await owner.Client.SubmitAsync("/programa", fields);
        Assert.True(page.Shows("Programa salvo."), page.FormError + page.Text[..Math.Min(400, page.Text.Length)]);
        return page;
    }

    public static Task<Customer> CustomerAsync(this OwnerSession owner, string e164) =>
        owner.App.InBusinessAsync(owner.BusinessId, db => db.Customers.AsNoTracking().SingleAsync(c => c.Phone == e164));

    /// <summary>The invariant the ledger promises: stored balance = sum of entries, for every customer.</summary>
    public static async Task AssertBalancesMatchLedgerAsync(this OwnerSession owner)
    {
        var mismatches = await owner.App.InBusinessAsync(owner.BusinessId, db => db.Customers
            .Select(c => new { c.Phone, c.Balance, Ledger = db.Ledger.Where(l => l.CustomerId == c.Id).Sum(l => l.Points) })
            .Where(x => x.Balance != x.Ledger).ToListAsync());
        Assert.Empty(mismatches);
    }

    public static Guid PurchaseIdFrom(Page resultPage) =>
        Guid.Parse(resultPage.Url.AbsolutePath.Split('/').Last());
}
