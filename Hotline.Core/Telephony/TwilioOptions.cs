using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Telephony;

/// <summary>
/// Section <c>Twilio</c>. Twilio counts as configured when the account SID and the auth token are set; then the
/// sender number and the public base URL are required too (validated at start). Without it, on the embedded
/// database, surveys run on the local line and webhooks are checked against the local development token; on a
/// server database the hotline runs with the human callback queue only (see <see cref="TwilioCredentials"/>).
/// </summary>
public sealed class TwilioOptions : IValidatableObject
{
    public const string Section = "Twilio";
    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The hotline's number in E.164 (<c>+86…</c>): sender of survey SMS and caller id of survey calls.</summary>
    public string? FromNumber { get; set; }

    /// <summary>The public URL Twilio calls (scheme, host, optional port and path prefix); signatures are checked against it.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Twilio's REST API; tests point it at a fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Attempts for a request that Twilio answered 429 (never processed, safe to repeat).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off after a 429; doubled per attempt, with random jitter, capped at 30 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one REST request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The API key (<c>SK…</c>) that signs the browser softphone's access tokens (<c>iss</c>); with its secret and the TwiML App.</summary>
    public string? ApiKeySid { get; set; }

    /// <summary>The API key's secret: the HMAC key of the access tokens. Never sent anywhere.</summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>The TwiML App (<c>AP…</c>) of the softphone's outgoing grant; its Voice URL is <c>/twilio/voice/client</c>.</summary>
    public string? TwimlAppSid { get; set; }

    /// <summary>True when Twilio is configured and the three softphone settings are set: agents may answer in the browser.</summary>
    public bool SoftphoneConfigured => IsConfigured && !string.IsNullOrWhiteSpace(ApiKeySid) && !string.IsNullOrWhiteSpace(ApiKeySecret) && !string.IsNullOrWhiteSpace(TwimlAppSid);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var anySet = !string.IsNullOrWhiteSpace(AccountSid) || !string.IsNullOrWhiteSpace(AuthToken) || !string.IsNullOrWhiteSpace(FromNumber);
        if (anySet && !IsConfigured)
        {
            yield return new ValidationResult("Twilio:AccountSid and Twilio:AuthToken must be set together.", [nameof(AccountSid), nameof(AuthToken)]);
        }

        if (IsConfigured && string.IsNullOrWhiteSpace(FromNumber))
        {
            yield return new ValidationResult("Twilio:FromNumber (E.164, e.g. +8610…) is required when Twilio is configured.", [nameof(FromNumber)]);
        }

        if (IsConfigured && !IsAbsoluteHttpUrl(PublicBaseUrl))
        {
            yield return new ValidationResult("Twilio:PublicBaseUrl (the https URL Twilio calls) is required when Twilio is configured.", [nameof(PublicBaseUrl)]);
        }
        else if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && !IsAbsoluteHttpUrl(PublicBaseUrl))
        {
            yield return new ValidationResult("Twilio:PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }

        var softphoneSet = new[] { ApiKeySid, ApiKeySecret, TwimlAppSid }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (softphoneSet is > 0 and < 3)
        {
            yield return new ValidationResult("Twilio:ApiKeySid, Twilio:ApiKeySecret and Twilio:TwimlAppSid (the browser softphone) must be set together.", [nameof(ApiKeySid), nameof(ApiKeySecret), nameof(TwimlAppSid)]);
        }
        else if (softphoneSet == 3 && !IsConfigured)
        {
            yield return new ValidationResult("Twilio:ApiKeySid and the other softphone settings need Twilio:AccountSid and Twilio:AuthToken.", [nameof(ApiKeySid)]);
        }

        if (!IsAbsoluteHttpUrl(ApiBaseUrl))
        {
            yield return new ValidationResult("Twilio:ApiBaseUrl must be an absolute http(s) URL.", [nameof(ApiBaseUrl)]);
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult("Twilio:RetryBaseDelay must be between 0 and 30 seconds.", [nameof(RetryBaseDelay)]);
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(2))
        {
            yield return new ValidationResult("Twilio:RequestTimeout must be between 0 and 2 minutes.", [nameof(RequestTimeout)]);
        }
    }

    private static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
