using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Core.Telephony;

/// <summary>
/// A Twilio Access Token for the Voice JavaScript SDK, written by hand (the SDK is not served): a JWT signed HS256
/// with an API key's secret, header <c>{"alg":"HS256","typ":"JWT","cty":"twilio-fpa;v=1"}</c>, claims <c>jti</c>
/// (<c>{keySid}-{iat}</c>), <c>iss</c> (the API key sid), <c>sub</c> (the account sid), <c>iat</c>, <c>exp</c> and
/// <c>grants: {identity, voice: {incoming: {allow: true}, outgoing: {application_sid}}}</c>, as Twilio's helper
/// libraries make it.
/// </summary>
public static class TwilioAccessToken
{
    /// <summary>The longest a softphone token lives; the console refreshes it before it expires.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    /// <summary>The client identity an agent's browser registers as; Twilio rings it as <c>client:{identity}</c>.</summary>
    public static string IdentityOf(Guid userId) => $"agent-{userId:N}";

    /// <summary>The address of the agent's browser as a call's <c>To</c> (conference participant, <c>Calls.json</c>).</summary>
    public static string ClientAddressOf(Guid userId) => "client:" + IdentityOf(userId);

    public static string Create(string accountSid, string apiKeySid, string apiKeySecret, string identity, string outgoingApplicationSid, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountSid);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKeySid);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKeySecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        ArgumentException.ThrowIfNullOrWhiteSpace(outgoingApplicationSid);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A softphone token lives more than 0 and at most 1 hour.");
        }

        var iat = issuedAt.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["cty"] = "twilio-fpa;v=1" };
        var payload = new JsonObject
        {
            ["jti"] = $"{apiKeySid}-{iat}",
            ["iss"] = apiKeySid,
            ["sub"] = accountSid,
            ["iat"] = iat,
            ["exp"] = iat + (long)lifetime.TotalSeconds,
            ["grants"] = new JsonObject
            {
                ["identity"] = identity,
                ["voice"] = new JsonObject
                {
                    ["incoming"] = new JsonObject { ["allow"] = true },
                    ["outgoing"] = new JsonObject { ["application_sid"] = outgoingApplicationSid },
                },
            },
        };

        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKeySecret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>
    /// The token's claims when its signature verifies with <paramref name="apiKeySecret"/> (constant-time comparison) and its
    /// header is Twilio's; null otherwise. Expiry is the reader's to check.
    /// </summary>
    public static JsonElement? Verify(string token, string apiKeySecret)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        byte[] signature;
        JsonElement header;
        JsonElement payload;
        try
        {
            signature = FromBase64Url(parts[2]);
            header = JsonSerializer.Deserialize<JsonElement>(FromBase64Url(parts[0]));
            payload = JsonSerializer.Deserialize<JsonElement>(FromBase64Url(parts[1]));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKeySecret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return null;
        }

        return header.ValueKind == JsonValueKind.Object
            && header.TryGetProperty("alg", out var alg) && alg.ValueEquals("HS256")
            && header.TryGetProperty("cty", out var cty) && cty.ValueEquals("twilio-fpa;v=1")
            ? payload
            : null;
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => string.Empty, _ => throw new FormatException("Not base64url.") };
        return Convert.FromBase64String(padded);
    }
}
