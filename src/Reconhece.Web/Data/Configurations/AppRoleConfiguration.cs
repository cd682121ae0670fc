using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Data.Configurations;

/// <summary>The roles are data every database needs, so migrations carry them.</summary>
public class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public static readonly Guid OwnerRoleId = Guid.Parse("6f1c0c52-6a43-4b8e-9d43-3a1f2f0b0a01");
    public static readonly Guid StaffRoleId = Guid.Parse("6f1c0c52-6a43-4b8e-9d43-3a1f2f0b0a02");
    public static readonly Guid PlatformAdminRoleId = Guid.Parse("6f1c0c52-6a43-4b8e-9d43-3a1f2f0b0a03");

    public void Configure(EntityTypeBuilder<AppRole> builder) => builder.HasData(
        new AppRole { Id = OwnerRoleId, Name = Roles.Owner, NormalizedName = Roles.Owner.ToUpperInvariant(), ConcurrencyStamp = "owner-role" },
        new AppRole { Id = StaffRoleId, Name = Roles.Staff, NormalizedName = Roles.Staff.ToUpperInvariant(), ConcurrencyStamp = "staff-role" },
        new AppRole
        {
            Id = PlatformAdminRoleId, Name = Roles.PlatformAdmin, NormalizedName = Roles.PlatformAdmin.ToUpperInvariant(),
            ConcurrencyStamp = "platform-admin-role",
        });
}
