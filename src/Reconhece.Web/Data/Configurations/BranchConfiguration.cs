using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Data.Configurations;

public class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(80);
        builder.Property(x => x.Address).HasMaxLength(200);
        builder.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        // Names are unique inside one business only.
        builder.HasIndex(x => new { x.BusinessId, x.Name }).IsUnique();
    }
}
