using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;

namespace Reconhece.IntegrationTests.Tenancy;

/// <summary>
/// Business A, the one B tries to reach: seeded once per suite class, not once per case. Sharing it weakens
/// nothing, because every case snapshots A just before B acts and compares after; a case that changed A fails
/// itself, and the next case starts from its own snapshot. Business B is still made fresh in each case.
/// </summary>
public abstract partial class IsolationSuite<TFactory>
{
    /// <summary>A's rows and keys that B's requests name.</summary>
    private sealed record SeededA(OwnerSession Owner, Guid Staff, Guid Purchase, Guid Customer, Guid Invitation, Guid Request, string Import,
        Guid Promotion, string RunId, Guid PurchaseKey, Guid AdjustKey, Guid RecognitionKey, Guid ReportKey, Guid ContactKey, Guid InvitationKey);

    private static readonly ConditionalWeakTable<AppFactory, Lazy<Task<SeededA>>> Seeds = [];

    private Task<SeededA> SeededAAsync() => Seeds.GetValue(app, factory => new Lazy<Task<SeededA>>(() => SeedAAsync(factory))).Value;

    private static async Task<SeededA> SeedAAsync(AppFactory app)
    {
        var a = await app.SignUpAsync("Empresa A");
        var staff = await a.AddStaffAsync("Pessoa de A");
        var (purchaseKey, adjustKey, recognitionKey, reportKey, contactKey, invitationKey) =
            (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var purchase = LoyaltyScenario.PurchaseIdFrom(await a.Client.SubmitAsync("/registrar", new Dictionary<string, string>
        {
            ["Phone"] = "11955554444", ["Amount"] = "600", ["Customer.Name"] = "Cliente de A", ["IdempotencyKey"] = purchaseKey.ToString(),
        }));
        var customer = (await a.CustomerAsync("+5511955554444")).Id;
        var promotion = await PromotionAsync(a);
        await a.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        await a.Client.SubmitAsync($"/clientes/{customer}", new Dictionary<string, string>
        {
            ["Points"] = "5", ["Reason"] = "bônus de A", ["IdempotencyKey"] = adjustKey.ToString(),
        }, $"/clientes/{customer}/ajuste");
        await a.Client.SubmitAsync($"/reconhecimento/{customer}", new Dictionary<string, string> { ["IdempotencyKey"] = recognitionKey.ToString() });
        var run = (await a.Client.SubmitAsync("/relatorios", new Dictionary<string, string> { ["requestKey"] = reportKey.ToString() }, "/relatorios/gerar")).FirstRunId();
        var invitation = await a.Client.SubmitAsync("/acoes/convites", new Dictionary<string, string>
        {
            ["Occasion"] = "Festa de A", ["OccasionDate"] = "12/12/2026", ["Audience"] = "ClassA", ["IdempotencyKey"] = invitationKey.ToString(),
        });
        await a.Client.PostAsync("/acoes/contato", new Dictionary<string, string>
        {
            ["CustomerId"] = customer.ToString(), ["List"] = "0", ["Channel"] = "0", ["Key"] = contactKey.ToString(),
        });
        await a.Client.SubmitAsync($"/clientes/{customer}/privacidade", new Dictionary<string, string> { ["Right"] = "2" }, $"/clientes/{customer}/pedidos");
        var request = await app.InBusinessAsync(a.BusinessId, db => db.PrivacyRequests.Select(r => r.Id).SingleAsync());
        var import = (await a.Client.UploadAsync("/clientes/importar", "arquivo", "a.csv", "celular;nome\n11966660000;Importado de A\n"u8.ToArray())).Url.AbsolutePath.Split('/').Last();
        return new SeededA(a, staff.UserId, purchase, customer, Guid.Parse(invitation.Url.AbsolutePath.Split('/').Last()), request, import,
            promotion, run, purchaseKey, adjustKey, recognitionKey, reportKey, contactKey, invitationKey);
    }
}
