using System.Collections.Concurrent;

namespace Reconhece.Web.Identity;

/// <summary>
/// Slows password guessing without letting a stranger lock anyone out (ASVS 5.0: no hard lockout).
/// Failures count per (email, address) pair: after 5, that pair waits 1 minute, then 2, 4 ... up to 15.
/// The owner, from their own phone, is never blocked by someone else's failures. Per email across all
/// addresses (a guessing network), each attempt past 10 failures in 15 minutes is answered up to 3
/// seconds late. Keyed by the email typed, so an email with no account behaves exactly like one with an
/// account. Kept in memory per instance: with several instances an attacker gets a few more tries.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    private const int FreeFailures = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTimeOffset First, DateTimeOffset BlockedUntil);

    /// <summary>How long this pair must still wait, or null when it may try now.</summary>
    public TimeSpan? WaitFor(string normalizedEmail, string address)
    {
        var now = clock.GetUtcNow();
        return _entries.TryGetValue(PairKey(normalizedEmail, address), out var e) && e.BlockedUntil > now ? e.BlockedUntil - now : null;
    }

    /// <summary>The delay to add before answering an attempt on this email.</summary>
    public TimeSpan AccountDelay(string normalizedEmail)
    {
        var now = clock.GetUtcNow();
        if (!_entries.TryGetValue(AccountKey(normalizedEmail), out var e) || now - e.First > Window || e.Failures <= 10) return TimeSpan.Zero;
        return TimeSpan.FromMilliseconds(Math.Min(3000, (e.Failures - 10) * 300));
    }

    public void Failed(string normalizedEmail, string address)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count > 100_000) Prune(now);
        _entries.AddOrUpdate(PairKey(normalizedEmail, address), _ => new Entry(1, now, now), (_, e) =>
        {
            var failures = now - e.First > Window && e.BlockedUntil < now ? 1 : e.Failures + 1;
            var wait = failures < FreeFailures ? TimeSpan.Zero
                : TimeSpan.FromMinutes(Math.Min(MaxWait.TotalMinutes, Math.Pow(2, failures - FreeFailures)));
            return new Entry(failures, failures == 1 ? now : e.First, now + wait);
        });
        _entries.AddOrUpdate(AccountKey(normalizedEmail), _ => new Entry(1, now, now),
            (_, e) => now - e.First > Window ? new Entry(1, now, now) : e with { Failures = e.Failures + 1 });
    }

    public void Succeeded(string normalizedEmail, string address) => _entries.TryRemove(PairKey(normalizedEmail, address), out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (now - e.First > Window && e.BlockedUntil < now) _entries.TryRemove(key, out _);
    }

    private static string PairKey(string email, string address) => email + "|" + address;
    private static string AccountKey(string email) => email + "|*";
}
