using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Data.Configurations;

// Money is numeric(12,2); points numeric(14,2). Every index starts with business_id: queries are per business.

public class LoyaltyProgramConfiguration : IEntityTypeConfiguration<LoyaltyProgram>
{
    public void Configure(EntityTypeBuilder<LoyaltyProgram> builder)
    {
        builder.ToTable("loyalty_programs");
        builder.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.BusinessId).IsUnique();
        builder.Property(x => x.ValuePerPoint).HasPrecision(12, 2);
        builder.Property(x => x.PointsPerUnit).HasPrecision(14, 2);
        builder.Property(x => x.Goal).HasPrecision(14, 2);
        builder.Property(x => x.UnitName).HasMaxLength(60);
        builder.Property(x => x.RecognitionText).HasMaxLength(200);
        builder.Property(x => x.InvitationMessage).HasMaxLength(500);
        builder.Property(x => x.RewardValue).HasPrecision(12, 2);
        builder.Property(x => x.GrossMarginPercent).HasPrecision(5, 2);
        builder.Property(x => x.MinEarningAmount).HasPrecision(12, 2);
        builder.Property(x => x.MaxPointsPerPurchase).HasPrecision(14, 2);
        // On for every existing and new program; EF sends false and omits true.
        builder.Property(x => x.StaffCanHandOver).HasDefaultValue(true).HasSentinel(true);
    }
}

public class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.Name).HasMaxLength(120);
        builder.Property(x => x.Email).HasMaxLength(200);
        builder.Property(x => x.Balance).HasPrecision(14, 2);
        builder.Property(x => x.LifetimePoints).HasPrecision(14, 2);
        builder.Property(x => x.LifetimeSpend).HasPrecision(14, 2);
        // Rows the points statements insert (imports) start as "earned"; EF sends false and omits true.
        builder.Property(x => x.LastPurchaseEarned).HasDefaultValue(true).HasSentinel(true);
        // One customer per phone per business: the same phone at another business is another customer.
        builder.HasIndex(x => new { x.BusinessId, x.Phone }).IsUnique();
        builder.HasIndex(x => new { x.BusinessId, x.LifetimePoints });
        builder.HasIndex(x => new { x.BusinessId, x.LastPurchaseAt });
        builder.HasIndex(x => new { x.BusinessId, x.FirstPurchaseAt });
        builder.HasIndex(x => new { x.BusinessId, x.EligibleSince }).HasFilter("eligible_since IS NOT NULL");
    }
}

public class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Amount).HasPrecision(12, 2);
        builder.Property(x => x.Points).HasPrecision(14, 2);
        builder.Property(x => x.BonusPoints).HasPrecision(14, 2);
        builder.HasOne<Promotion>().WithMany().HasForeignKey(x => x.PromotionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.ReversalReason).HasMaxLength(200);
        // A double-tapped or retried form carries the same key: the second insert finds the first.
        builder.HasIndex(x => new { x.BusinessId, x.IdempotencyKey }).IsUnique();
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId, x.At });
        builder.HasIndex(x => new { x.BusinessId, x.At });
        builder.HasIndex(x => new { x.BusinessId, x.PromotionId }).HasFilter("promotion_id IS NOT NULL");
    }
}

public class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Points).HasPrecision(14, 2);
        builder.Property(x => x.BalanceAfter).HasPrecision(14, 2);
        builder.Property(x => x.Reason).HasMaxLength(200);
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId, x.Id });
        builder.HasIndex(x => new { x.BusinessId, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
    }
}

public class RecognitionConfiguration : IEntityTypeConfiguration<Recognition>
{
    public void Configure(EntityTypeBuilder<Recognition> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.What).HasMaxLength(200);
        builder.Property(x => x.PointsDebited).HasPrecision(14, 2);
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId, x.At });
        builder.HasIndex(x => new { x.BusinessId, x.At });
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(x => x.Subject).HasMaxLength(40);
        builder.Property(x => x.Field).HasMaxLength(60);
        // Old and new values can be lists (report recipients): text, so no form can overflow them.
        builder.HasIndex(x => new { x.BusinessId, x.At });
    }
}

public class CustomerAliasConfiguration : IEntityTypeConfiguration<CustomerAlias>
{
    public void Configure(EntityTypeBuilder<CustomerAlias> builder)
    {
        // The purchase statement looks a typed phone up here too (one index probe, same round trip).
        builder.HasKey(x => new { x.BusinessId, x.Phone });
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId });
    }
}

public class BlockedPhoneConfiguration : IEntityTypeConfiguration<BlockedPhone>
{
    public void Configure(EntityTypeBuilder<BlockedPhone> builder)
    {
        builder.HasKey(x => new { x.BusinessId, x.PhoneHash });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Note).HasMaxLength(PrivacyRequest.NoteMaxLength);
        builder.HasIndex(x => new { x.BusinessId, x.IdempotencyKey }).IsUnique();
        builder.HasIndex(x => new { x.BusinessId, x.AnsweredAt, x.DueOn });
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId });
    }
}

public class CustomerImportConfiguration : IEntityTypeConfiguration<CustomerImport>
{
    public void Configure(EntityTypeBuilder<CustomerImport> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.BusinessId, x.FileHash }).IsUnique();
        builder.Property(x => x.FileName).HasMaxLength(CustomerImport.FileNameMaxLength);
    }
}

public class PromotionConfiguration : IEntityTypeConfiguration<Promotion>
{
    public void Configure(EntityTypeBuilder<Promotion> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Name).HasMaxLength(Promotion.NameMaxLength);
        builder.Property(x => x.Description).HasMaxLength(Promotion.DescriptionMaxLength);
        builder.Property(x => x.BenefitValue).HasPrecision(14, 2);
        builder.Property(x => x.AboveAmount).HasPrecision(12, 2);
        builder.Property(x => x.StepAmount).HasPrecision(12, 2);
        builder.Property(x => x.MinAmount).HasPrecision(12, 2);
        builder.Property(x => x.BudgetPoints).HasPrecision(14, 2);
        builder.Property(x => x.BonusGranted).HasPrecision(14, 2);
        builder.Property(x => x.OwnerCost).HasPrecision(12, 2);
        builder.HasIndex(x => new { x.BusinessId, x.EndsAt });
    }
}

public class PromotionMemberConfiguration : IEntityTypeConfiguration<PromotionMember>
{
    public void Configure(EntityTypeBuilder<PromotionMember> builder)
    {
        builder.HasKey(x => new { x.BusinessId, x.PromotionId, x.CustomerId });
        builder.HasOne<Promotion>().WithMany().HasForeignKey(x => x.PromotionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // Ações hides control members: looked up by customer.
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId });
    }
}

public class TillTotalConfiguration : IEntityTypeConfiguration<TillTotal>
{
    public void Configure(EntityTypeBuilder<TillTotal> builder)
    {
        // One total per branch and day: typing it again replaces it.
        builder.HasKey(x => new { x.BusinessId, x.BranchId, x.Day });
        builder.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Amount).HasPrecision(12, 2);
    }
}

public class HistoryDayConfiguration : IEntityTypeConfiguration<HistoryDay>
{
    public void Configure(EntityTypeBuilder<HistoryDay> builder)
    {
        builder.HasKey(x => new { x.BusinessId, x.BranchId, x.Day });
        builder.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Revenue).HasPrecision(14, 2);
    }
}
