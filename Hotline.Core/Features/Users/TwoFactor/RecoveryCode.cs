using System.Security.Cryptography;
using System.Text;

namespace Hotline.Core.Features.Users.TwoFactor;

/// <summary>
/// A one-time code that signs in instead of the authenticator (table <c>RecoveryCodes</c>). Only its SHA-256 is kept:
/// the code carries 50 random bits, so a slow password hash would add nothing but time.
/// </summary>
public sealed class RecoveryCode
{
    /// <summary>No 0/O, 1/I/L: read from paper and typed again.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 10;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string CodeHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>A new code as shown to the user: <c>ABCDE-FGHJK</c>.</summary>
    public static string NewCode()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars, 0, Length / 2) + "-" + new string(chars, Length / 2, Length / 2);
    }

    /// <summary>The hash of a code as typed (case, spaces and hyphens ignored); null when it cannot be a recovery code.</summary>
    public static string? HashOf(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var code = new string(typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        if (code.Length != Length || !code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes("hotline-recovery:" + code)));
    }
}
