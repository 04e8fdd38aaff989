using Hotline.Core.Features.Users.TwoFactor;
using OtpNet;
using Shouldly;

namespace Hotline.UnitTests.Users;

public sealed class TotpCodesTests
{
    // RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" gives 94287082 at 59 s, 07081804 at 1111111109 s (eight digits).
    private static readonly string RfcSecret = Base32Encoding.ToString("12345678901234567890"u8.ToArray());

    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 10, TimeSpan.Zero);

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(2000000000, "279037")]
    public void Compute_Should_MatchTheRfcVectors_When_SixDigitsAreKept(long unixSeconds, string expected) =>
        TotpCodes.Compute(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);

    [Fact]
    public void MatchStep_Should_AcceptTheNeighbouringSteps_And_RefuseOlderOnes()
    {
        var secret = TotpCodes.NewSecret();
        var step = At.ToUnixTimeSeconds() / TotpCodes.StepSeconds;
        TotpCodes.MatchStep(secret, TotpCodes.Compute(secret, At), At).ShouldBe(step);
        TotpCodes.MatchStep(secret, TotpCodes.Compute(secret, At.AddSeconds(-30)), At).ShouldBe(step - 1, "the phone's clock a step behind");
        TotpCodes.MatchStep(secret, TotpCodes.Compute(secret, At.AddSeconds(30)), At).ShouldBe(step + 1, "a step ahead");
        TotpCodes.MatchStep(secret, TotpCodes.Compute(secret, At.AddSeconds(-90)), At).ShouldBeNull("three steps old");
    }

    [Fact]
    public void IsFresh_Should_RefuseTheSameStepOrAnEarlierOne_When_ACodeWasAlreadyAccepted()
    {
        TotpCodes.IsFresh(100, null).ShouldBeTrue();
        TotpCodes.IsFresh(101, 100).ShouldBeTrue();
        TotpCodes.IsFresh(100, 100).ShouldBeFalse("the same step twice is a replay");
        TotpCodes.IsFresh(99, 100).ShouldBeFalse("an earlier step after a later one");
    }

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("12345a", null)]
    [InlineData("١٢٣٤٥٦", null)]
    [InlineData(null, null)]
    public void Normalize_Should_KeepSixAsciiDigitsOnly(string? typed, string? expected) => TotpCodes.Normalize(typed).ShouldBe(expected);

    [Fact]
    public void OtpAuthUri_Should_NameIssuerAndAccount_When_AnAppScansIt()
    {
        var uri = TotpCodes.OtpAuthUri("Hotline 12345", "zhang.qiang", "JBSWY3DPEHPK3PXP");
        uri.ShouldBe("otpauth://totp/Hotline%2012345:zhang.qiang?secret=JBSWY3DPEHPK3PXP&issuer=Hotline%2012345&algorithm=SHA1&digits=6&period=30");
        QrCodeSvg.Render(uri).ShouldStartWith("<svg");
    }

    [Fact]
    public void RecoveryCode_Should_HashTheSameCode_When_TypedLoosely_And_RefuseOtherShapes()
    {
        var code = RecoveryCode.NewCode();
        code.Length.ShouldBe(11);
        RecoveryCode.HashOf(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)).ShouldBe(RecoveryCode.HashOf(code));
        RecoveryCode.HashOf("123456").ShouldBeNull("a TOTP code is not a recovery code");
        RecoveryCode.HashOf("ABCDE-FGHI0").ShouldBeNull("0 is not in the alphabet");
        RecoveryCode.NewCode().ShouldNotBe(code);
    }
}
