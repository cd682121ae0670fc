using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Account;
using Reconhece.Web.Features.Purchases;
using Reconhece.Web.Features.Staff;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Demo;

/// <summary>
/// A demo business to try the app with (the run command turns it on in Development). Goes through the
/// same use cases as a real sign-up, and does nothing when the demo owner already exists.
/// </summary>
public static class DemoSeeder
{
    public const string OwnerEmail = "dono@demo.reconhece.app";
    public const string StaffEmail = "atendente@demo.reconhece.app";
    public const string Password = "demo12345";


    public static async Task SeedAsync(IServiceProvider root, CancellationToken ct = default)
    {
        using var scope = root.CreateScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSeeder));
        var db = sp.GetRequiredService<AppDbContext>();
        if (await TenantDoors.FindUserAsync(db, OwnerEmail.ToUpperInvariant(), null, ct) is null)
        {
            var signUp = await sp.GetRequiredService<SignUpBusiness>().HandleAsync(new SignUpBusinessInput
            {
                BusinessName = "Sorveteria Demo", OwnerName = "Dona Ana", Email = OwnerEmail,
                Mobile = "(11) 98765-4321", Password = Password, FirstBranchName = "Centro",
            }, ct);
            if (!signUp.Succeeded)
                throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", signUp.Errors.Select(e => e.Message)));

            using (sp.GetRequiredService<CurrentBusiness>().Use(signUp.Value!.BusinessId))
            {
                // The demo address receives no mail; its weekly reports land in the .eml folder, so count it confirmed.
                signUp.Value.EmailConfirmed = true;
                await sp.GetRequiredService<UserManager<AppUser>>().UpdateAsync(signUp.Value);
                var branchId = await db.Branches.Select(b => b.Id).FirstAsync(ct);
                var staff = await sp.GetRequiredService<SaveStaffMember>().HandleAsync(null, new StaffInput
                {
                    FullName = "Bruno Atendente", Email = StaffEmail, BranchId = branchId, Password = Password,
                }, ct);
                if (!staff.Succeeded)
                    throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", staff.Errors.Select(e => e.Message)));
                await RegisterDemoPurchasesAsync(sp, staff.Value!.Id, ct);
                await CreateDemoPromotionAsync(sp, signUp.Value.Id, ct);
            }
        }
        // The run command prints the demo logins; the log never carries a password.
        logger.LogInformation("Demo business ready. Owner: {OwnerEmail}  Staff: {StaffEmail}", OwnerEmail, StaffEmail);
    }

    /// <summary>"Terça em dobro" for four weeks from today, so Promoções and the counter show one.</summary>
    private static async Task CreateDemoPromotionAsync(IServiceProvider sp, Guid ownerId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            BrazilTimeZones.Find(BrazilTimeZones.Default)));
        var input = Promotions.PromotionInput.New(today);
        input.Name = "Terça em dobro";
        input.Description = "Conte ao cliente: às terças os pontos valem em dobro.";
        input.EndsOn = today.AddDays(27).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        input.Weekdays = [DayOfWeek.Tuesday];
        var result = await sp.GetRequiredService<Promotions.SavePromotion>().HandleAsync(input, ownerId, ct);
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>A few customers, one of them past the goal, so the Painel and Reconhecimento have something to show.</summary>
    private static async Task RegisterDemoPurchasesAsync(IServiceProvider sp, Guid staffId, CancellationToken ct)
    {
        var register = sp.GetRequiredService<RegisterPurchase>();
        (string Phone, string Name, string[] Amounts)[] customers =
        [
            ("(11) 98111-2233", "Carla Mendes", ["120,00", "95,50", "180,00", "150,00"]),
            ("(11) 98222-3344", "João Pereira", ["45,90", "32,00", "61,40"]),
            ("(11) 98333-4455", "Beatriz Lima", ["18,50"]),
            ("(21) 99444-5566", "Rafael Souza", ["230,00", "75,00"]),
            ("(11) 97555-6677", "Ana Clara", ["12,00", "15,50"]),
        ];
        foreach (var (phone, name, amounts) in customers)
        {
            foreach (var amount in amounts)
            {
                var result = await register.HandleAsync(new RegisterPurchaseInput
                {
                    IdempotencyKey = Guid.NewGuid(), Phone = phone, Amount = amount,
                    Customer = new Customers.CustomerFieldsInput { Name = name },
                }, staffId, requestedBranchId: null, ct);
                if (!result.Succeeded)
                    throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }
    }
}
