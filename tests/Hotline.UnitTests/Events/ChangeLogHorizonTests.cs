using Hotline.Core.Features.Events;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Hotline.UnitTests.Events;

/// <summary>
/// The change log's horizon: the feed stops before a number that is missing since less than the gap timeout (a
/// transaction still in flight) and steps over one missing for longer (a rolled-back transaction's).
/// </summary>
public sealed class ChangeLogHorizonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly ChangeLogHorizon _horizon = new(Options.Create(new EventsOptions { GapTimeout = TimeSpan.FromSeconds(15) }));

    [Fact]
    public void Horizon_Should_BeNull_When_TheNumbersAfterTheCursorAreContiguous()
    {
        _horizon.Horizon(10, [11, 12, 13], T0).ShouldBeNull();
        _horizon.Horizon(10, [], T0).ShouldBeNull();
    }

    [Fact]
    public void Horizon_Should_StopAtTheFirstMissingNumber_When_ItWasJustSeenMissing()
    {
        _horizon.Horizon(10, [11, 13, 15], T0).ShouldBe(12);
        _horizon.Horizon(10, [12, 13], T0).ShouldBe(11, "the number right after the cursor is missing");
    }

    [Fact]
    public void Horizon_Should_StepOverAGap_When_ItHasBeenMissingLongerThanTheTimeout()
    {
        _horizon.Horizon(10, [11, 13, 15], T0).ShouldBe(12);
        _horizon.Horizon(10, [11, 13, 15], T0.AddSeconds(14)).ShouldBe(12, "still within the timeout");

        _horizon.Horizon(10, [11, 13, 15], T0.AddSeconds(16)).ShouldBe(14, "12 rolled back; 14 was first seen missing just now");
        _horizon.Horizon(10, [11, 13, 15], T0.AddSeconds(31)).ShouldBeNull();
    }

    [Fact]
    public void Horizon_Should_WaitAgain_When_AGapThatFilledOpensUpAtTheSameNumber()
    {
        _horizon.Horizon(10, [11, 13], T0).ShouldBe(12);
        _horizon.Horizon(10, [11, 12, 13], T0.AddSeconds(20)).ShouldBeNull("12 committed");
        _horizon.Horizon(11, [13, 14], T0.AddSeconds(40)).ShouldBe(12, "a filled gap is forgotten: seen missing again, it is young again and never skipped early");
    }

    [Fact]
    public void Horizon_Should_NotCountTheClockOfAnEarlierCaller_When_AnotherCursorSeesTheSameGap()
    {
        _horizon.Horizon(10, [11, 13], T0).ShouldBe(12);
        _horizon.Horizon(0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13], T0.AddSeconds(20)).ShouldBeNull("the node first saw 12 missing 20 s ago");
    }
}
