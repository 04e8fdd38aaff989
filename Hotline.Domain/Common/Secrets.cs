using System.Security.Cryptography;
using System.Text;

namespace Hotline.Domain.Common;

/// <summary>The random credentials handed out once (API keys, client secrets) and the hash that is kept of them.</summary>
public static class Secrets
{
    /// <summary><paramref name="prefix"/> and 32 random bytes as URL-safe base64 without padding.</summary>
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Upper-case hex SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
