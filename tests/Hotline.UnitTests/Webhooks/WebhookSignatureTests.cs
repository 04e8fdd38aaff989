using System.Text;
using Hotline.Core.Features.Webhooks;
using Shouldly;

namespace Hotline.UnitTests.Webhooks;

/// <summary>The signature scheme of docs/integration.md; the vector was computed with Python's hmac module, as the doc's snippet does.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test-vector-secret";
    private const long Timestamp = 1796260502;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"1\",\"data\":{\"phone\":\"138****5678\"}}");
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Create_Should_MatchThePublishedVector_When_SigningTimestampDotBody() =>
        WebhookSignature.Create(Secret, Timestamp, Body).ShouldBe("t=1796260502,v1=7b9f03b359aad96a1ead7e039d73a22897e0fc0297fd9a6a955a90d0f1c8a103");

    [Fact]
    public void Verify_Should_Accept_When_TheSignatureMatchesWithinTheTolerance()
    {
        var header = WebhookSignature.Create(Secret, Timestamp, Body);
        WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(4), TimeSpan.FromMinutes(5)).ShouldBeTrue();
        WebhookSignature.Verify(Secret, $"v1={new string('0', 64)}, {header}", Body, At, TimeSpan.FromMinutes(5)).ShouldBeTrue("any v1 may match");
    }

    [Theory]
    [InlineData("body")]
    [InlineData("secret")]
    [InlineData("old")]
    [InlineData("timestamp")]
    [InlineData("garbage")]
    public void Verify_Should_Refuse_When_AnythingDiffers(string what)
    {
        var header = WebhookSignature.Create(Secret, Timestamp, Body);
        var ok = what switch
        {
            "body" => WebhookSignature.Verify(Secret, header, Encoding.UTF8.GetBytes("{\"id\":\"2\"}"), At, TimeSpan.FromMinutes(5)),
            "secret" => WebhookSignature.Verify("whsec_another-secret-value", header, Body, At, TimeSpan.FromMinutes(5)),
            "old" => WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(6), TimeSpan.FromMinutes(5)),
            "timestamp" => WebhookSignature.Verify(Secret, header.Replace("t=1796260502", "t=1796260503", StringComparison.Ordinal), Body, At, TimeSpan.FromMinutes(5)),
            _ => WebhookSignature.Verify(Secret, "t=x,v1=zz", Body, At, TimeSpan.FromMinutes(5)),
        };
        ok.ShouldBeFalse(what);
    }
}
