using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Features.Account;
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
        if (await db.UserIdByEmailAsync(OwnerEmail.ToUpperInvariant(), ct) is null)
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
                var branchId = await db.Branches.Select(b => b.Id).FirstAsync(ct);
                var staff = await sp.GetRequiredService<SaveStaffMember>().HandleAsync(null, new StaffInput
                {
                    FullName = "Bruno Atendente", Email = StaffEmail, BranchId = branchId, Password = Password,
                }, ct);
                if (!staff.Succeeded)
                    throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", staff.Errors.Select(e => e.Message)));
            }
        }
        logger.LogInformation("Demo business ready. Owner: {OwnerEmail} / {Password}  Staff: {StaffEmail} / {Password}",
            OwnerEmail, Password, StaffEmail, Password);
    }
}
