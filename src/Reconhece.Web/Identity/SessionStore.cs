using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Identity;

/// <summary>
/// Server-side sessions: the cookie holds "business.session" and the ticket lives in auth_sessions
/// (tenant-owned, behind both walls). Signing out deletes the row, so a copied cookie is dead at once.
/// Tickets are cached in memory for a minute so a request (a purchase) costs no extra round trip; an
/// instance that did not end a session itself notices within that minute, as the security stamp does.
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, IMemoryCache cache, TimeProvider clock) : ITicketStore
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly IDataProtector _protector = protection.CreateProtector("Reconhece.AuthSessions");
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> _keysByUser = new();

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var (business, user) = Owner(ticket);
        var session = new AuthSession
        {
            Id = Guid.CreateVersion7(), BusinessId = business, UserId = user, Ticket = Protect(ticket),
            CreatedAt = clock.GetUtcNow().UtcDateTime, ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
        };
        await InBusinessAsync(business, db =>
        {
            db.AuthSessions.Add(session);
            return db.SaveChangesAsync();
        });
        var key = $"{business:N}.{session.Id:N}";
        Remember(key, user, ticket);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (!TryParse(key, out var business, out var id)) return;
        var bytes = Protect(ticket);
        var updated = await InBusinessAsync(business, db => db.AuthSessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, ticket.Properties.ExpiresUtc!.Value.UtcDateTime)));
        if (updated == 1) Remember(key, Owner(ticket).User, ticket);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (cache.TryGetValue(key, out AuthenticationTicket? cached)) return cached;
        if (!TryParse(key, out var business, out var id)) return null;
        var bytes = await InBusinessAsync(business, db => db.AuthSessions.Where(s => s.Id == id).Select(s => s.Ticket).FirstOrDefaultAsync());
        if (bytes is null) return null;
        var ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        if (ticket is not null) Remember(key, Owner(ticket).User, ticket);
        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        cache.Remove(key);
        if (TryParse(key, out var business, out var id))
            await InBusinessAsync(business, db => db.AuthSessions.Where(s => s.Id == id).ExecuteDeleteAsync());
    }

    /// <summary>Ends every session of a person (deactivated, password changed), in the caller's business.</summary>
    public async Task EndAllAsync(AppDbContext db, Guid userId)
    {
        await db.AuthSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
        if (_keysByUser.TryRemove(userId, out var keys))
            foreach (var cachedKey in keys.Keys) cache.Remove(cachedKey);
    }

    private void Remember(string key, Guid user, AuthenticationTicket ticket)
    {
        cache.Set(key, ticket, CacheFor);
        // The index only serves EndAllAsync's local eviction; cached tickets expire within a minute anyway.
        if (_keysByUser.Count > 50_000) _keysByUser.Clear();
        _keysByUser.GetOrAdd(user, _ => new())[key] = 0;
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static (Guid Business, Guid User) Owner(AuthenticationTicket ticket) => (
        Guid.Parse(ticket.Principal.FindFirst(CurrentBusiness.ClaimType)!.Value),
        Guid.Parse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value));

    private static bool TryParse(string key, out Guid business, out Guid id)
    {
        var parts = key.Split('.');
        id = Guid.Empty;
        return Guid.TryParseExact(parts[0], "N", out business) && parts.Length == 2 && Guid.TryParseExact(parts[1], "N", out id);
    }

    private async Task<T> InBusinessAsync<T>(Guid business, Func<AppDbContext, Task<T>> work)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentBusiness>().Use(business);
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
