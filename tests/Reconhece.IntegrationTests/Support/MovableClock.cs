namespace Reconhece.IntegrationTests.Support;

/// <summary>The app's clock, set by a test: purchases "last week", reports "next Monday".</summary>
public sealed class MovableClock : TimeProvider
{
    private DateTimeOffset? _now;

    /// <summary>Null follows the real clock.</summary>
    public DateTimeOffset? Now { get => _now; set => _now = value; }

    public override DateTimeOffset GetUtcNow() => _now ?? DateTimeOffset.UtcNow;
}
