using System.Security.Claims;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// Which business the current unit of work belongs to. In a web request it comes from the signed-in
/// user's claim; a background job or a seed sets it explicitly with <see cref="Use"/>.
/// It is read on every query (never captured), so pooled DbContexts stay safe.
/// </summary>
public sealed class CurrentBusiness(IHttpContextAccessor http)
{
    public const string ClaimType = "business_id";
    private Guid? _explicit;

    public Guid? Id
    {
        get
        {
            if (_explicit is not null) return _explicit;
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true) return null;
            var value = user.FindFirstValue(ClaimType);
            // A signed-in principal without a business would see nothing; fail loudly instead.
            return Guid.TryParse(value, out var id)
                ? id
                : throw new InvalidOperationException("Signed-in user carries no business claim.");
        }
    }

    public Guid RequiredId => Id ?? throw new InvalidOperationException("No current business.");

    /// <summary>Runs the rest of a scope (a job, a seed, a sign-up) as the given business.</summary>
    public IDisposable Use(Guid businessId)
    {
        var previous = _explicit;
        _explicit = businessId;
        return new Restore(() => _explicit = previous);
    }

    /// <summary>
    /// A nightly job's loop: the work for each business in its scope, in turn. One business's failure is
    /// logged and never stops the others (the next night retries it); returns the sum of the work's counts.
    /// </summary>
    public async Task<int> ForEachAsync(IEnumerable<Guid> businesses, Func<Guid, Task<int>> work, ILogger log, string job)
    {
        var total = 0;
        foreach (var business in businesses)
        {
            try
            {
                using var scope = Use(business);
                total += await work(business);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} failed in business {BusinessId}", job, business);
            }
        }
        return total;
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
