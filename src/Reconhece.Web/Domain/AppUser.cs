using Microsoft.AspNetCore.Identity;

namespace Reconhece.Web.Domain;

/// <summary>A person who signs in: the owner (Dono) or a staff member (Atendente) of one business.</summary>
public class AppUser : IdentityUser<Guid>, ITenantOwned
{
    public Guid BusinessId { get; set; }
    public Guid? BranchId { get; set; }
    public required string FullName { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>When the latest "confirme o seu e-mail" went: at most one a day, whoever presses (docs/customer-card.md, "Outgoing mail").</summary>
    public DateTime? ConfirmationSentAt { get; set; }
    /// <summary>When this owner stopped the weekly report emails through the link in one of them (RFC 8058); null while they arrive.</summary>
    public DateTime? ReportsStoppedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

public class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}

public static class Roles
{
    /// <summary>The stored role name; pages call the role "Responsável" (issue 22: a shop may have several, not only its owner).</summary>
    public const string Owner = "Dono";
    public const string Staff = "Atendente";
    public static readonly IReadOnlyList<string> All = [Owner, Staff];
    /// <summary>Runs the platform (the Hangfire dashboard); granted with the grant-platform-admin command, never by a business.</summary>
    public const string PlatformAdmin = "Plataforma";
}
