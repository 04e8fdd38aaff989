using Hotline.Domain.Citizens;
using Shouldly;

namespace Hotline.UnitTests.Citizens;

public sealed class CitizenCodesTests
{
    [Fact]
    public void NewTrackingCode_Should_BeRandomAndReadable_When_ManyAreDrawn()
    {
        var codes = Enumerable.Range(0, 20_000).Select(_ => CitizenSubmission.NewTrackingCode()).ToList();

        codes.Distinct().Count().ShouldBe(codes.Count);
        codes.ShouldAllBe(c => c.Length == CitizenSubmission.TrackingCodeLength);
        codes.SelectMany(c => c).Distinct().ShouldAllBe(ch => "23456789ABCDEFGHJKMNPQRSTUVWXYZ".Contains(ch));
        codes.SelectMany(c => c).Distinct().Count().ShouldBe(31);
    }

    [Theory]
    [InlineData("abcd-efgh-2345", "ABCDEFGH2345")]
    [InlineData(" ABCD EFGH 2345 ", "ABCDEFGH2345")]
    [InlineData(null, "")]
    public void NormalizeTrackingCode_Should_IgnoreCaseSpacesAndDashes_When_Typed(string? typed, string expected) =>
        CitizenSubmission.NormalizeTrackingCode(typed).ShouldBe(expected);

    [Fact]
    public void NewKey_Should_BeLongAndHashStably_When_Issued()
    {
        var key = Open311Client.NewKey();

        key.ShouldStartWith("o311_");
        key.Length.ShouldBeGreaterThanOrEqualTo(5 + 43);
        Open311Client.Hash(key).ShouldBe(Open311Client.Hash(key));
        Open311Client.Hash(key).Length.ShouldBe(64);
        Open311Client.Hash(key).ShouldNotBe(Open311Client.Hash(Open311Client.NewKey()));
    }
}
