using Reconhece.Web.Identity;
using Xunit;

namespace Reconhece.UnitTests.Identity;

public sealed class SignInThrottleTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private const string Owner = "DONA@SORVETERIA.COM.BR";

    [Fact]
    public void Five_failures_make_that_address_wait_a_minute_and_more_failures_wait_longer()
    {
        var clock = new Clock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < 4; i++) throttle.Failed(Owner, "10.0.0.9");
        Assert.Null(throttle.WaitFor(Owner, "10.0.0.9"));

        throttle.Failed(Owner, "10.0.0.9");
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.WaitFor(Owner, "10.0.0.9"));

        clock.Now += TimeSpan.FromMinutes(1);
        throttle.Failed(Owner, "10.0.0.9");
        Assert.Equal(TimeSpan.FromMinutes(2), throttle.WaitFor(Owner, "10.0.0.9"));
    }

    [Fact]
    public void A_stranger_failing_from_elsewhere_never_blocks_the_owner_phone()
    {
        var throttle = new SignInThrottle(new Clock());
        for (var i = 0; i < 50; i++) throttle.Failed(Owner, "203.0.113.7");

        Assert.NotNull(throttle.WaitFor(Owner, "203.0.113.7"));
        Assert.Null(throttle.WaitFor(Owner, "192.168.0.20"));
        // Guessing from many places is only slowed, at most 3 s an attempt.
        Assert.Equal(TimeSpan.FromSeconds(3), throttle.AccountDelay(Owner));
        Assert.Equal(TimeSpan.Zero, throttle.AccountDelay("OUTRA@SORVETERIA.COM.BR"));
    }

    [Fact]
    public void A_success_clears_the_address_and_old_failures_expire()
    {
        var clock = new Clock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < 4; i++) throttle.Failed(Owner, "10.0.0.9");
        throttle.Succeeded(Owner, "10.0.0.9");
        throttle.Failed(Owner, "10.0.0.9");
        Assert.Null(throttle.WaitFor(Owner, "10.0.0.9"));

        for (var i = 0; i < 4; i++) throttle.Failed(Owner, "10.0.0.9");
        Assert.NotNull(throttle.WaitFor(Owner, "10.0.0.9"));
        clock.Now += TimeSpan.FromMinutes(20);
        throttle.Failed(Owner, "10.0.0.9");
        Assert.Null(throttle.WaitFor(Owner, "10.0.0.9"));
    }
}
