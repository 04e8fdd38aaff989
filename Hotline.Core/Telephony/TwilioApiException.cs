namespace Hotline.Core.Telephony;

/// <summary>
/// Twilio answered with an error, or the outcome is unknown. <see cref="MayHaveBeenProcessed"/> is true for
/// timeouts, broken connections and 5xx: a create may have gone through, so it is never repeated blindly.
/// </summary>
public sealed class TwilioApiException(int? httpStatus, int? code, string message, string? moreInfo, bool mayHaveBeenProcessed, Exception? inner = null)
    : Exception(message, inner)
{
    public int? HttpStatus { get; } = httpStatus;

    /// <summary>Twilio's error code, e.g. 21211 (invalid To number) or 20429 (too many requests).</summary>
    public int? Code { get; } = code;

    public string? MoreInfo { get; } = moreInfo;

    public bool MayHaveBeenProcessed { get; } = mayHaveBeenProcessed;

    /// <summary>What to show a person: Twilio's code, else the HTTP status, else 错误.</summary>
    public string Reference => Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "错误";
}
