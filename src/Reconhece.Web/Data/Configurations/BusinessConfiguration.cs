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
    }
}
