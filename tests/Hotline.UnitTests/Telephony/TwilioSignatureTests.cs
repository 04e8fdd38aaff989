using System.Text;
using Hotline.Core.Telephony;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

/// <summary>X-Twilio-Signature against Twilio's published vectors (../shared/docs/integrations.md) and a UTF-8 Chinese body.</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] Published =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void Compute_Should_MatchThePublishedVector_When_AFormIsPosted()
    {
        TwilioSignature.Compute(Token, Url, Published).ShouldBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    [Fact]
    public void Compute_Should_MatchThePublishedVector_When_TheUrlCarriesTheDefaultPort()
    {
        TwilioSignature.Compute(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Published).ShouldBe("kvajT1Ptam85bY51eRf/AJRuM3w=");
    }

    [Fact]
    public void Compute_Should_SortParameters_When_TheyArriveInAnotherOrder()
    {
        TwilioSignature.Compute(Token, Url, Published.Reverse()).ShouldBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    public void IsValid_Should_AcceptTheSignature_When_OnlyTheDefaultPortDiffers(string url, string signature)
    {
        TwilioSignature.IsValid(Token, url, Published, signature).ShouldBeTrue();
    }

    [Fact]
    public void UrlVariants_Should_AddOrRemoveTheDefaultPort_When_TheSchemeHasOne()
    {
        TwilioSignature.UrlVariants("http://example.com/a?b=1").ShouldBe(["http://example.com/a?b=1", "http://example.com:80/a?b=1"]);
        TwilioSignature.UrlVariants("https://example.com:443/a").ShouldBe(["https://example.com:443/a", "https://example.com/a"]);
        TwilioSignature.UrlVariants("https://example.com:8443/a").ShouldBe(["https://example.com:8443/a"]);
    }

    [Fact]
    public void IsValid_Should_Refuse_When_AParameterIsChanged()
    {
        var forged = Published.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p);
        TwilioSignature.IsValid(Token, Url, forged, "RSOYDt4T1cUTdK1PDd93/VVr8B8=").ShouldBeFalse();
    }

    [Fact]
    public void IsValid_Should_Refuse_When_AParameterIsAdded()
    {
        var forged = Published.Append(new KeyValuePair<string, string>("Extra", "1"));
        TwilioSignature.IsValid(Token, Url, forged, "RSOYDt4T1cUTdK1PDd93/VVr8B8=").ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8")]
    public void IsValid_Should_Refuse_When_TheSignatureIsMissingOrWrong(string? signature)
    {
        TwilioSignature.IsValid(Token, Url, Published, signature).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_Should_Refuse_When_TheTokenDiffers()
    {
        TwilioSignature.IsValid("54321", Url, Published, "RSOYDt4T1cUTdK1PDd93/VVr8B8=").ShouldBeFalse();
    }

    [Fact]
    public void IsValidJson_Should_MatchThePublishedVector_When_TheBodyHashIsInTheUrl()
    {
        var body = Encoding.UTF8.GetBytes("{\"property\": \"value\", \"boolean\": true}");
        var url = Url + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

        TwilioSignature.Compute(Token, url).ShouldBe("a9nBmqA0ju/hNViExpshrM61xv4=");
        TwilioSignature.IsValidJson(Token, url, body, "a9nBmqA0ju/hNViExpshrM61xv4=").ShouldBeTrue();
    }

    [Fact]
    public void IsValidJson_Should_Refuse_When_TheBodyDoesNotMatchItsHash()
    {
        var body = Encoding.UTF8.GetBytes("{\"property\": \"forged\", \"boolean\": true}");
        var url = Url + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

        TwilioSignature.IsValidJson(Token, url, body, "a9nBmqA0ju/hNViExpshrM61xv4=").ShouldBeFalse();
    }

    [Fact]
    public void Compute_Should_SignUtf8Bytes_When_TheBodyIsChinese()
    {
        // Expected value computed independently (Python hmac over the UTF-8 bytes).
        KeyValuePair<string, string>[] sms =
        [
            new("From", "+8613812345678"),
            new("To", "+861012345"),
            new("Body", "11 满意，谢谢"),
            new("MessageSid", "SM0123456789abcdef"),
        ];

        TwilioSignature.Compute(Token, "https://hotline.example.gov.cn/twilio/sms/incoming", sms).ShouldBe("Ur55KaQxGB1EajYmOiblbvt6gko=");
        TwilioSignature.IsValid(Token, "https://hotline.example.gov.cn/twilio/sms/incoming", sms.Select(p => p.Key == "Body" ? new KeyValuePair<string, string>("Body", "11 满意,谢谢") : p), "Ur55KaQxGB1EajYmOiblbvt6gko=")
            .ShouldBeFalse("a full-width comma is not an ASCII one");
    }

    [Fact]
    public void Compute_Should_SortRepeatedKeysByValue_When_ANameRepeats()
    {
        KeyValuePair<string, string>[] repeated = [new("From", "+8613812345678"), new("Digits", "2"), new("CallSid", "CA1"), new("Digits", "1")];

        TwilioSignature.Compute(Token, "https://hotline.example.gov.cn/twilio/survey/answer?survey=abc&step=solved", repeated).ShouldBe("5biF7G5wP97CSKxpXszHW5thgkA=");
    }
}
