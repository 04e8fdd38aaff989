using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotline.Core.Telephony;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

/// <summary>The browser softphone's Twilio Access Token: the format Twilio's helper libraries write, signed with the API key's secret.</summary>
public sealed class TwilioAccessTokenTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string KeySid = "SK0123456789abcdef0123456789abcdef";
    private const string Secret = "known-api-key-secret-0123456789";
    private const string AppSid = "AP0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Agent = Guid.Parse("6f1c2a4e-0b7d-4a39-9f0e-1c2d3e4f5a6b");

    private static string NewToken(TimeSpan? lifetime = null) =>
        TwilioAccessToken.Create(AccountSid, KeySid, Secret, TwilioAccessToken.IdentityOf(Agent), AppSid, IssuedAt, lifetime ?? TimeSpan.FromHours(1));

    private static JsonElement Part(string token, int index) =>
        JsonSerializer.Deserialize<JsonElement>(Convert.FromBase64String(PadBase64(token.Split('.')[index])));

    private static string PadBase64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - text.Length % 4) % 4);
    }

    [Fact]
    public void Create_Should_WriteTwiliosHeaderAndClaims()
    {
        var token = NewToken();

        token.Split('.').Length.ShouldBe(3);
        token.ShouldNotContain("=");
        var header = Part(token, 0);
        header.GetProperty("alg").GetString().ShouldBe("HS256");
        header.GetProperty("typ").GetString().ShouldBe("JWT");
        header.GetProperty("cty").GetString().ShouldBe("twilio-fpa;v=1");

        var claims = Part(token, 1);
        var iat = IssuedAt.ToUnixTimeSeconds();
        claims.GetProperty("iss").GetString().ShouldBe(KeySid);
        claims.GetProperty("sub").GetString().ShouldBe(AccountSid);
        claims.GetProperty("jti").GetString().ShouldBe($"{KeySid}-{iat}");
        claims.GetProperty("iat").GetInt64().ShouldBe(iat);
        claims.GetProperty("exp").GetInt64().ShouldBe(iat + 3600);
        var grants = claims.GetProperty("grants");
        grants.GetProperty("identity").GetString().ShouldBe("agent-6f1c2a4e0b7d4a399f0e1c2d3e4f5a6b");
        grants.GetProperty("voice").GetProperty("incoming").GetProperty("allow").GetBoolean().ShouldBeTrue();
        grants.GetProperty("voice").GetProperty("outgoing").GetProperty("application_sid").GetString().ShouldBe(AppSid);
    }

    [Fact]
    public void Create_Should_SignWithTheApiKeySecret_And_NotVerifyWithAnother()
    {
        var token = NewToken();
        var parts = token.Split('.');

        // HMAC-SHA256 over "header.payload" with the secret, base64url without padding (RFC 7515), computed here independently.
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        parts[2].ShouldBe(expected);
        TwilioAccessToken.Verify(token, Secret).ShouldNotBeNull().GetProperty("iss").GetString().ShouldBe(KeySid);

        TwilioAccessToken.Verify(token, "another-secret").ShouldBeNull();
        // Another identity in otherwise the same claims, with the original signature: refused.
        var claims = Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(parts[1]))).Replace("agent-6f1c", "agent-0000", StringComparison.Ordinal);
        var forged = parts[0] + "." + Convert.ToBase64String(Encoding.UTF8.GetBytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + parts[2];
        TwilioAccessToken.Verify(forged, Secret).ShouldBeNull();
        TwilioAccessToken.Verify("not.a-token", Secret).ShouldBeNull();
    }

    [Fact]
    public void Create_Should_RefuseALifetimeOverAnHour()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => NewToken(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)));
        Should.Throw<ArgumentOutOfRangeException>(() => NewToken(TimeSpan.Zero));
        Part(NewToken(TimeSpan.FromMinutes(10)), 1).GetProperty("exp").GetInt64().ShouldBe(IssuedAt.ToUnixTimeSeconds() + 600);
    }

    [Fact]
    public void ClientAddress_Should_BeTheIdentityTwilioRings()
    {
        TwilioAccessToken.ClientAddressOf(Agent).ShouldBe("client:agent-6f1c2a4e0b7d4a399f0e1c2d3e4f5a6b");
    }

    [Theory]
    [InlineData("SKkey", null, null)]
    [InlineData("SKkey", "secret", null)]
    [InlineData(null, null, "APapp")]
    public void Options_Should_RequireTheSoftphoneSettingsTogether(string? keySid, string? secret, string? appSid)
    {
        var options = new TwilioOptions
        {
            AccountSid = AccountSid, AuthToken = "token", FromNumber = "+861012345", PublicBaseUrl = "https://hotline.example.gov.cn",
            ApiKeySid = keySid, ApiKeySecret = secret, TwimlAppSid = appSid,
        };

        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ShouldContain(r => r.ErrorMessage!.Contains("must be set together"));
        options.SoftphoneConfigured.ShouldBeFalse();
    }

    [Fact]
    public void Options_Should_ConfigureTheSoftphone_OnlyWithTwilio()
    {
        var options = new TwilioOptions
        {
            AccountSid = AccountSid, AuthToken = "token", FromNumber = "+861012345", PublicBaseUrl = "https://hotline.example.gov.cn",
            ApiKeySid = KeySid, ApiKeySecret = Secret, TwimlAppSid = AppSid,
        };
        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ShouldBeEmpty();
        options.SoftphoneConfigured.ShouldBeTrue();

        var withoutTwilio = new TwilioOptions { ApiKeySid = KeySid, ApiKeySecret = Secret, TwimlAppSid = AppSid };
        withoutTwilio.SoftphoneConfigured.ShouldBeFalse();
        withoutTwilio.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(withoutTwilio)).ShouldContain(r => r.ErrorMessage!.Contains("need Twilio:AccountSid"));
    }
}
