using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Data.Configurations;

/// <summary>Identity names its tables "AspNetUsers" and so on explicitly; keep the schema snake_case.</summary>
public static class IdentityTables
{
    public static void UseSnakeCaseIdentityTables(this ModelBuilder builder)
    {
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}
