using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Data.Configurations;

public class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        // Lists and messages whose length the app does not control (recipients, SMTP replies): text.
        builder.Property(x => x.MessageId).HasMaxLength(200);
        builder.Property(x => x.TopCustomer).HasMaxLength(300);
        // Exactly one weekly run per business and week: the dispatcher of any instance inserts it or finds it.
        builder.HasIndex(x => new { x.BusinessId, x.WeekStart }).IsUnique().HasFilter("is_weekly");
        builder.HasIndex(x => new { x.BusinessId, x.CreatedAt });
        // The dispatcher's retry scan: unsent runs whose next attempt has come.
        builder.HasIndex(x => x.NextAttemptAt).HasFilter($"status <> {(int)ReportRunStatus.Sent}");
    }
}

public class ReportFileConfiguration : IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportFile> builder)
    {
        builder.HasOne<ReportRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.FileName).HasMaxLength(200);
        builder.HasIndex(x => new { x.BusinessId, x.RunId, x.Kind }).IsUnique();
    }
}

public class MailBudgetDayConfiguration : IEntityTypeConfiguration<MailBudgetDay>
{
    public void Configure(EntityTypeBuilder<MailBudgetDay> builder)
    {
        builder.HasKey(x => new { x.BusinessId, x.Day });
        builder.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ReportRecipientConfiguration : IEntityTypeConfiguration<ReportRecipient>
{
    public void Configure(EntityTypeBuilder<ReportRecipient> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Email).HasMaxLength(200);
        builder.Property(x => x.TokenHash).HasMaxLength(64);
        builder.HasIndex(x => new { x.BusinessId, x.Email }).IsUnique();
    }
}

public class ReportRequestConfiguration : IEntityTypeConfiguration<ReportRequest>
{
    public void Configure(EntityTypeBuilder<ReportRequest> builder)
    {
        // One row per pressed form: its key, per business, points at the run that press made or sent.
        builder.HasKey(x => new { x.BusinessId, x.Key });
        builder.HasOne<ReportRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
