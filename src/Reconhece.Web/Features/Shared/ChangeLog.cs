using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Features.Shared;

/// <summary>One change of a setting, as the owner reads it: when, who, which field, old → new.</summary>
/// <remarks>By is null for a change made with no account: a report recipient's "parar" link.</remarks>
public sealed record Change(DateTime At, string? By, string Field, string? Old, string? New)
{
    /// <summary>The person the change is about, when it is about a person (the Equipe page).</summary>
    public string? About { get; init; }
}

/// <summary>The changes of one settings page, with the zone to show their times in (the _ChangeLog partial).</summary>
public sealed record ChangeList(IReadOnlyList<Change> Items, TimeZoneInfo Zone);

/// <summary>The audit trail of settings pages: one entry per changed field, listed newest first.</summary>
public static class ChangeLog
{
    /// <summary>Adds an audit entry for every field whose description differs (the caller saves).</summary>
    public static void Record(AppDbContext db, Guid userId, DateTime at, string subject, Guid? subjectId,
        IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        foreach (var (field, old) in before.Where(b => after[b.Key] != b.Value))
            db.Audit.Add(new AuditEntry { UserId = userId, At = at, Subject = subject, SubjectId = subjectId, Field = field, OldValue = old, NewValue = after[field] });
    }

    public static async Task<IReadOnlyList<Change>> RecentAsync(AppDbContext db, string subject, CancellationToken ct) =>
        await db.Audit.Where(a => a.Subject == subject).OrderByDescending(a => a.Id).Take(30)
            .Select(a => new Change(a.At, db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault(), a.Field, a.OldValue, a.NewValue)
            {
                About = db.Users.Where(u => u.Id == a.SubjectId).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(ct);
}
