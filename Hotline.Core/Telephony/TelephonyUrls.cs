using Microsoft.Extensions.Options;

namespace Hotline.Core.Telephony;

/// <summary>The webhook URLs handed to Twilio (status callbacks, keypad actions), under <c>Twilio:PublicBaseUrl</c>.</summary>
public sealed class TelephonyUrls(IOptions<TwilioOptions> options)
{
    public const string VoiceIncoming = "/twilio/voice/incoming";
    public const string VoiceStatus = "/twilio/voice/status";
    public const string VoiceRecording = "/twilio/voice/recording";
    public const string SmsIncoming = "/twilio/sms/incoming";
    public const string SmsStatus = "/twilio/sms/status";
    public const string SurveyAnswer = "/twilio/survey/answer";

    public string Absolute(string pathAndQuery) =>
        (options.Value.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is not configured.")).TrimEnd('/') + pathAndQuery;

    /// <summary>The keypad answer URL, absolute (survey calls carry inline TwiML, which has no URL to resolve against); its ids are signed with it.</summary>
    public string SurveyAction(Guid surveyId, string step, int attempt = 1) =>
        Absolute($"{SurveyAnswer}?survey={surveyId:N}&step={step}&attempt={attempt}");
}
