using Hotline.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Hotline.UnitTests.Common;

public sealed class MillisecondTimeProviderTests
{
    [Fact]
    public void GetUtcNow_Should_DropEverythingBelowAMillisecond_When_TheInnerClockHasTicks()
    {
        var inner = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 4, 50, 51, TimeSpan.Zero).AddTicks(9_729_148));
        var clock = new MillisecondTimeProvider(inner);

        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2026, 11, 24, 4, 50, 51, 972, TimeSpan.Zero));
    }

    [Fact]
    public void Timestamps_Should_BeTheInnerClocks_When_DurationsAreMeasured()
    {
        var inner = new FakeTimeProvider();
        var clock = new MillisecondTimeProvider(inner);
        var start = clock.GetTimestamp();

        inner.Advance(TimeSpan.FromTicks(1234));

        clock.GetElapsedTime(start).ShouldBe(TimeSpan.FromTicks(1234));
    }
}
