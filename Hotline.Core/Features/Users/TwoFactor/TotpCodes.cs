using System.Security.Cryptography;
using OtpNet;

namespace Hotline.Core.Features.Users.TwoFactor;

/// <summary>
/// RFC 6238 codes as every authenticator app makes them: SHA-1, six digits, 30-second steps. A code is accepted for its
/// own step and one step either side (clock drift of the phone), and only for a step later than the last one accepted,
/// so a code seen over someone's shoulder cannot be used again.
/// </summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;

    /// <summary>A new 160-bit secret, Base32 as authenticator apps take it.</summary>
    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));

    public static string OtpAuthUri(string issuer, string accountName, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period={StepSeconds}";

    /// <summary>The code of <paramref name="at"/>'s step (tests, and nothing else, need to make one).</summary>
    public static string Compute(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret), StepSeconds).ComputeTotp(at.UtcDateTime);

    /// <summary>The step a six-digit <paramref name="code"/> matches at <paramref name="at"/>, or null; no replay check (see <see cref="IsFresh"/>).</summary>
    public static long? MatchStep(string secret, string? code, DateTimeOffset at)
    {
        var digits = Normalize(code);
        if (digits is null)
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret), StepSeconds);
        return totp.VerifyTotp(at.UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>True when <paramref name="step"/> is later than the last accepted one.</summary>
    public static bool IsFresh(long step, long? lastAccepted) => lastAccepted is null || step > lastAccepted;

    /// <summary>Six digits, spaces and hyphens ignored (apps show "123 456"); null for anything else.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var digits = new string(code.Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
