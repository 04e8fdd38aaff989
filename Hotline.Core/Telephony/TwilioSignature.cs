using System.Security.Cryptography;
using System.Text;

namespace Hotline.Core.Telephony;

/// <summary>
/// Twilio's request signature (<c>X-Twilio-Signature</c>): HMAC-SHA1 with the auth token over the full URL
/// followed by every form parameter, sorted by name (ordinal) and, for repeated names, by value. GET requests
/// and JSON bodies sign the URL alone (JSON adds <c>bodySHA256</c> to the query). Because Twilio is inconsistent
/// about default ports, a signature is accepted for the URL as given and with :443/:80 added or removed.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        var text = new StringBuilder(url);
        if (parameters is not null)
        {
            foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
            {
                text.Append(name).Append(value);
            }
        }

        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>True when <paramref name="signature"/> matches the URL (or one of its port variants) and the parameters.</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var list = parameters?.ToList();
        var given = Encoding.UTF8.GetBytes(signature);
        var valid = false;
        foreach (var candidate in UrlVariants(url))
        {
            var expected = Encoding.UTF8.GetBytes(Compute(authToken, candidate, list));
            // Every variant is checked, each in constant time, so timing says nothing about which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return valid;
    }

    /// <summary>A JSON body: the URL carries <c>bodySHA256</c>, which must be the hex SHA-256 of the raw body, and the URL alone is signed.</summary>
    public static bool IsValidJson(string authToken, string url, ReadOnlySpan<byte> body, string? signature)
    {
        var query = new Uri(url).Query;
        var hash = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue("bodySHA256", out var values) ? values.ToString() : null;
        if (string.IsNullOrEmpty(hash))
        {
            return false;
        }

        var actual = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(body)));
        var claimed = Encoding.ASCII.GetBytes(hash.ToLowerInvariant());
        var bodyMatches = CryptographicOperations.FixedTimeEquals(actual, claimed);
        return IsValid(authToken, url, null, signature) & bodyMatches;
    }

    /// <summary>The URL as given, and with the scheme's default port added (when absent) or removed (when present).</summary>
    public static IReadOnlyList<string> UrlVariants(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return [url];
        }

        var defaultPort = uri.Scheme == Uri.UriSchemeHttps ? 443 : uri.Scheme == Uri.UriSchemeHttp ? 80 : -1;
        if (defaultPort < 0)
        {
            return [url];
        }

        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var withoutUserInfo = authority[(authority.LastIndexOf('@') + 1)..];
        var userInfo = authority[..(authority.Length - withoutUserInfo.Length)];
        var portSuffix = $":{defaultPort}";
        string other;
        if (withoutUserInfo.EndsWith(portSuffix, StringComparison.Ordinal))
        {
            other = userInfo + withoutUserInfo[..^portSuffix.Length];
        }
        else if (HasExplicitPort(withoutUserInfo))
        {
            return [url];
        }
        else
        {
            other = userInfo + withoutUserInfo + portSuffix;
        }

        return [url, url[..authorityStart] + other + url[authorityEnd..]];
    }

    private static bool HasExplicitPort(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        return colon >= 0 && hostAndPort.LastIndexOf(']') < colon;
    }
}
