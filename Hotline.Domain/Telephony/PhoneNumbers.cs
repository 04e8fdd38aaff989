namespace Hotline.Domain.Telephony;

/// <summary>Phone numbers as Twilio sends them (E.164) and as citizens register them.</summary>
public static class PhoneNumbers
{
    /// <summary>Digits only, with the +86 / 0086 country code of mainland numbers removed: "+86 138-1234-5678" → "13812345678".</summary>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (phone.TrimStart().StartsWith('+') && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits.Length is >= 5 and <= 20 ? digits : null;
    }

    /// <summary>The forms a normalized number may be stored in as a call's caller: national, +86 (Twilio's E.164) and 0086.</summary>
    public static IReadOnlyList<string> StoredForms(string normalized) =>
        new[] { normalized, "+86" + normalized, "0086" + normalized, ToE164(normalized) }.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A mainland mobile number (11 digits starting with 1) can receive SMS.</summary>
    public static bool IsMobile(string normalized) => normalized.Length == 11 && normalized[0] == '1';

    /// <summary>E.164 for Twilio: mainland numbers get +86 (a landline loses its trunk 0).</summary>
    public static string ToE164(string normalized) => "+86" + normalized.TrimStart('0');
}
