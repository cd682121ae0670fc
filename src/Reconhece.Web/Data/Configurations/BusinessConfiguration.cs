using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Data.Configurations;

public class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(120);
        builder.Property(x => x.TimeZoneId).HasMaxLength(64);
        builder.Property(x => x.Culture).HasMaxLength(16);
        // Report settings live on the business row (columns reports_*): every business has them.
        // (The migration that added them filled existing rows with the defaults of ReportSettings.)
        // Up to 5 addresses of 200 characters and their separators: text, validated by count and address.
        builder.OwnsOne(x => x.Reports);
        builder.Navigation(x => x.Reports).IsRequired();
        // The agenda settings too (columns agenda_*). Database defaults fill existing rows and rows made by
        // SQL (the benchmarks' data); a template left null uses its list's default text.
        builder.OwnsOne(x => x.Agenda, a =>
        {
            a.Property(x => x.StaffSeesAgenda).HasDefaultValue(false);
            a.Property(x => x.NearGoalPercent).HasDefaultValueSql("80");
            a.Property(x => x.ConversionDays).HasDefaultValueSql("14");
            foreach (var template in new[] { nameof(AgendaSettings.GoalTemplate), nameof(AgendaSettings.FadingTemplate), nameof(AgendaSettings.NearGoalTemplate),
                         nameof(AgendaSettings.BirthdayTemplate), nameof(AgendaSettings.NewTemplate), nameof(AgendaSettings.ExpiringTemplate) })
                a.Property<string?>(template).HasMaxLength(AgendaSettings.TemplateMaxLength);
        });
        builder.Navigation(x => x.Agenda).IsRequired();
        // The automatic messages (columns messages_*): every trigger off, the defaults filled by the database too.
        builder.OwnsOne(x => x.Messages, m =>
        {
            m.Property(x => x.EnabledTriggers).HasDefaultValueSql("0");
            m.Property(x => x.HoldoutPercent).HasDefaultValueSql("10");
            m.Property(x => x.SendFromHour).HasDefaultValueSql("9");
            m.Property(x => x.SendUntilHour).HasDefaultValueSql("20");
            m.Property(x => x.MaxPerThreeDays).HasDefaultValueSql("1");
            m.Property(x => x.MaxPerThirtyDays).HasDefaultValueSql("4");
            m.Property(x => x.DailyLimit).HasDefaultValueSql("200");
            m.Property(x => x.ExpiringDaysBefore).HasDefaultValueSql("7");
            m.Property(x => x.BirthdayOnMonday).HasDefaultValue(false);
        });
        builder.Navigation(x => x.Messages).IsRequired();
        // The WhatsApp number (columns whatsapp_*); the phone-number id finds the business of a status webhook.
        builder.OwnsOne(x => x.WhatsApp, w =>
        {
            // Named here: the convention would split the word ("whats_app_…").
            w.Property(x => x.PhoneNumberId).HasColumnName("whatsapp_phone_number_id").HasMaxLength(WhatsAppChannel.PhoneNumberIdMaxLength);
            w.HasIndex(x => x.PhoneNumberId).IsUnique();
            w.Property(x => x.ProtectedToken).HasColumnName("whatsapp_protected_token");
            w.Property(x => x.PausedAt).HasColumnName("whatsapp_paused_at");
            w.Property(x => x.PricePerMessage).HasColumnName("whatsapp_price_per_message").HasPrecision(10, 4);
        });
        builder.Navigation(x => x.WhatsApp).IsRequired();
        // The public programme page's address; existing businesses get theirs from the migration.
        builder.OwnsOne(x => x.Privacy, p =>
        {
            p.Property(x => x.Slug).HasMaxLength(PrivacySettings.SlugMaxLength);
            p.HasIndex(x => x.Slug).IsUnique();
            p.Property(x => x.PageText).HasMaxLength(PrivacySettings.PageTextMaxLength);
        });
        builder.Navigation(x => x.Privacy).IsRequired();
    }
}
