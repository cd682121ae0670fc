using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data.Configurations;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Data;

public class AppDbContext : IdentityDbContext<AppUser, AppRole, Guid>, IDataProtectionKeyContext
{
    private readonly CurrentBusiness _currentBusiness;

    public AppDbContext(DbContextOptions<AppDbContext> options, CurrentBusiness currentBusiness, TenantFilterSwitch? filter = null)
        : base(options)
    {
        _currentBusiness = currentBusiness;
        TenantFilterOn = (filter ?? TenantFilterSwitch.Default).On;
        // Every SaveChanges runs in a transaction, so the business the database enforces
        // (TenantCommandInterceptor) holds for the whole batch.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        // A save may have changed the business or its program: the next read loads them again.
        SavedChanges += (_, _) => _business = null;
    }

    private BusinessContext? _business;

    /// <summary>The current business's context (Tenancy/BusinessContext), read once per scope and per business.</summary>
    public async Task<BusinessContext> BusinessAsync(CancellationToken ct)
    {
        var id = _currentBusiness.RequiredId;
        if (_business is { } known && known.Id == id) return known;
        return _business = await BusinessContext.LoadAsync(this, ct);
    }

    /// <summary>Read by the tenant query filters on every query, and by the database wall on every command.</summary>
    public Guid? CurrentBusinessId => _currentBusiness.Id;

    /// <summary>The EF filter is on except in the test suite that proves the database wall alone.</summary>
    public bool TenantFilterOn { get; }

    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<LoyaltyProgram> Programs => Set<LoyaltyProgram>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<Recognition> Recognitions => Set<Recognition>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();
    public DbSet<ReportFile> ReportFiles => Set<ReportFile>();
    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();
    public DbSet<ReportRecipient> ReportRecipients => Set<ReportRecipient>();
    public DbSet<MailBudgetDay> MailBudgetDays => Set<MailBudgetDay>();
    public DbSet<ReportRequest> ReportRequests => Set<ReportRequest>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ConsentEvent> ConsentEvents => Set<ConsentEvent>();
    public DbSet<GroupInvitation> GroupInvitations => Set<GroupInvitation>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<WhatsAppTemplate> WhatsAppTemplates => Set<WhatsAppTemplate>();
    public DbSet<InvitationGuest> InvitationGuests => Set<InvitationGuest>();
    public DbSet<CustomerAlias> CustomerAliases => Set<CustomerAlias>();
    public DbSet<BlockedPhone> BlockedPhones => Set<BlockedPhone>();
    public DbSet<PrivacyRequest> PrivacyRequests => Set<PrivacyRequest>();
    public DbSet<CustomerImport> CustomerImports => Set<CustomerImport>();
    public DbSet<Promotion> Promotions => Set<Promotion>();
    public DbSet<PromotionMember> PromotionMembers => Set<PromotionMember>();
    public DbSet<TillTotal> TillTotals => Set<TillTotal>();
    public DbSet<HistoryDay> HistoryDays => Set<HistoryDay>();

    /// <summary>The key ring for cookies and antiforgery, shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseSnakeCaseIdentityTables();
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.ApplyTenantForeignKeys();
        if (TenantFilterOn) builder.ApplyTenantFilters(this);
        // Eligibility, once: in a query Goal.IsReached is the database's goal_reached (Features/Points/PointsSql).
        builder.HasDbFunction(typeof(Goal).GetMethod(nameof(Goal.IsReached))!).HasName("goal_reached").HasSchema("public");
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantSaveGuard.Apply(ChangeTracker, CurrentBusinessId);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantSaveGuard.Apply(ChangeTracker, CurrentBusinessId);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
