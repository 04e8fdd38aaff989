using Microsoft.Extensions.Options;

namespace Hotline.Core.Telephony;

/// <summary>
/// The webhook URLs handed to Twilio (status callbacks, keypad actions), under <c>Twilio:PublicBaseUrl</c>. Live
/// Twilio requires that URL (validated at start); the local line without it gets the path alone, which the
/// simulator resolves against the API's address it posts to (<c>--url</c>), as the signature check does.
/// </summary>
public sealed class TelephonyUrls(IOptions<TwilioOptions> options)
{
    public const string VoiceIncoming = "/twilio/voice/incoming";
    public const string VoiceStatus = "/twilio/voice/status";
    public const string VoiceRecording = "/twilio/voice/recording";
    public const string VoiceWait = "/twilio/voice/wait";
    public const string SmsIncoming = "/twilio/sms/incoming";
    public const string SmsStatus = "/twilio/sms/status";
    public const string SurveyAnswer = "/twilio/survey/answer";
    public const string VoiceHold = "/twilio/voice/hold";
    public const string VoiceLeg = "/twilio/voice/leg";
    public const string VoiceClient = "/twilio/voice/client";

    /// <summary>The citizens' web form (<c>/citizen/</c>, served by the API) under the public URL; null without one.</summary>
    public string? CitizenForm => string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.TrimEnd('/') + "/citizen/";

    public string Absolute(string pathAndQuery) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? pathAndQuery : options.Value.PublicBaseUrl.TrimEnd('/') + pathAndQuery;

    /// <summary>The status callback of a phone dialled into a call's conference (<c>agent</c>, <c>unit</c>, <c>emergency</c>), absolute.</summary>
    public string LegStatus(Guid callId, string role) => Absolute($"{VoiceLeg}?call={callId:N}&role={role}");

    /// <summary>The keypad answer URL, absolute (survey calls carry inline TwiML, which has no URL to resolve against); its ids are signed with it.</summary>
    public string SurveyAction(Guid surveyId, string step, int attempt = 1) => Absolute(SurveyActionPath(surveyId, step, attempt));

    /// <summary>The path and query of a keypad answer: the survey, the question (<c>satisfaction</c>, <c>solved</c>) and the attempt.</summary>
    public static string SurveyActionPath(Guid surveyId, string step, int attempt = 1) =>
        $"{SurveyAnswer}?survey={surveyId:N}&step={step}&attempt={attempt}";
}
