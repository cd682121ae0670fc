using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Data.Configurations;

public class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        // A double-tapped "Contato feito" carries the same key: the second insert finds the first.
        builder.HasIndex(x => new { x.BusinessId, x.IdempotencyKey }).IsUnique();
        // The results: contacts of a period, and a customer's contacts.
        builder.HasIndex(x => new { x.BusinessId, x.At });
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId, x.At });
    }
}

public class ConsentEventConfiguration : IEntityTypeConfiguration<ConsentEvent>
{
    public void Configure(EntityTypeBuilder<ConsentEvent> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.How).HasMaxLength(ConsentEvent.HowMaxLength);
        builder.Property(x => x.Reason).HasMaxLength(ConsentEvent.ReasonMaxLength);
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId, x.At });
    }
}

public class GroupInvitationConfiguration : IEntityTypeConfiguration<GroupInvitation>
{
    public void Configure(EntityTypeBuilder<GroupInvitation> builder)
    {
        builder.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Occasion).HasMaxLength(GroupInvitation.OccasionMaxLength);
        builder.Property(x => x.Message).HasMaxLength(AgendaSettings.TemplateMaxLength);
        builder.HasIndex(x => new { x.BusinessId, x.IdempotencyKey }).IsUnique();
        builder.HasIndex(x => new { x.BusinessId, x.CreatedAt });
    }
}

public class InvitationGuestConfiguration : IEntityTypeConfiguration<InvitationGuest>
{
    public void Configure(EntityTypeBuilder<InvitationGuest> builder)
    {
        builder.HasKey(x => new { x.BusinessId, x.InvitationId, x.CustomerId });
        builder.HasOne<GroupInvitation>().WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Occasion).HasMaxLength(OutboxMessage.OccasionMaxLength);
        // A trigger never plans one occasion twice (PlanMessages inserts ON CONFLICT DO NOTHING on this key).
        builder.HasIndex(x => new { x.BusinessId, x.CustomerId, x.Trigger, x.Occasion }).IsUnique();
        builder.HasIndex(x => new { x.BusinessId, x.Status, x.DueAt });
        builder.Property(x => x.ProviderId).HasMaxLength(OutboxMessage.ProviderIdMaxLength);
        // A status webhook names the message by the provider's id.
        builder.HasIndex(x => new { x.BusinessId, x.ProviderId });
    }
}

public class WhatsAppTemplateConfiguration : IEntityTypeConfiguration<WhatsAppTemplate>
{
    public void Configure(EntityTypeBuilder<WhatsAppTemplate> builder)
    {
        // Named here: the convention would split the word ("whats_app_…").
        builder.ToTable("whatsapp_templates");
        builder.HasKey(x => new { x.BusinessId, x.Trigger });
        builder.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.Name).HasMaxLength(WhatsAppTemplate.NameMaxLength);
        builder.Property(x => x.Language).HasMaxLength(WhatsAppTemplate.LanguageMaxLength);
        builder.Property(x => x.Parameters).HasMaxLength(WhatsAppTemplate.ParametersMaxLength);
    }
}
