namespace Hotline.Domain.Telephony;

/// <summary>Phone numbers as Twilio sends them (E.164) and as citizens register them.</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// The national form: digits only, the +86 / 0086 country code of mainland numbers removed, and the trunk 0 a
    /// landline loses in E.164 put back, so a number reads the same however it came: "+86 138-1234-5678" →
    /// "13812345678"; Twilio's "+861055501234" and a citizen's "010-5550-1234" → "01055501234". Mobiles (11 digits from
    /// 1) and the 400/800 service numbers have no trunk 0.
    /// </summary>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var international = false;
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            (digits, international) = (digits[4..], true);
        }
        else if (phone.TrimStart().StartsWith('+') && digits.StartsWith("86", StringComparison.Ordinal))
        {
            (digits, international) = (digits[2..], true);
        }

        if (international && IsLandlineWithoutTrunk(digits))
        {
            digits = "0" + digits;
        }

        return digits.Length is >= 5 and <= 20 ? digits : null;
    }

    /// <summary>
    /// After +86, an area code (10, 2x, 3xx–9xx) and a local number: 9 to 11 digits that are neither a mobile nor a
    /// 400/800 number.
    /// </summary>
    private static bool IsLandlineWithoutTrunk(string digits) =>
        digits.Length is >= 9 and <= 11
        && digits[0] != '0'
        && !IsMobile(digits)
        && !digits.StartsWith("400", StringComparison.Ordinal)
        && !digits.StartsWith("800", StringComparison.Ordinal);

    /// <summary>The forms a normalized number may be stored in as a call's caller: national, +86 (Twilio's E.164) and 0086.</summary>
    public static IReadOnlyList<string> StoredForms(string normalized) =>
        new[] { normalized, "+86" + normalized, "0086" + normalized, ToE164(normalized) }.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A mainland mobile number (11 digits starting with 1) can receive SMS.</summary>
    public static bool IsMobile(string normalized) => normalized.Length == 11 && normalized[0] == '1';

    /// <summary>E.164 for Twilio: mainland numbers get +86 (a landline loses its trunk 0); the inverse of <see cref="Normalize"/>.</summary>
    public static string ToE164(string normalized) => "+86" + normalized.TrimStart('0');
}
