using Microsoft.Extensions.Logging;

namespace Hotline.Core.Telephony;

/// <summary>
/// 本地模拟线路, the local line: the <see cref="ITwilioClient"/> of an embedded database without Twilio (exactly when
/// webhooks are signed with the development token). Nothing goes to any network: the SMS or call is handed to the
/// local line, which answers with a sid shaped like Twilio's (<c>SM</c>/<c>CA</c> + 32 hex) and a status, and the
/// sweep records it in the survey's <c>SurveyMessage</c> row as it records Twilio's answer. The simulator
/// (<c>simulate-inbox</c>) reads those rows as the citizen's phone and answers with signed webhooks
/// (<c>simulate-sms</c>, <c>simulate-keypad</c>). No status callbacks are posted by the line itself: an SMS is
/// <c>delivered</c> at once (the simulated phone has it), a call stays <c>ringing</c> until the simulator answers it.
/// </summary>
public sealed partial class LocalLineClient(TwilioCredentials credentials, ILogger<LocalLineClient> logger) : ITwilioClient
{
    public const string SmsStatus = "delivered";
    public const string CallStatus = "ringing";

    public Task<TwilioResource> SendMessageAsync(string to, string body, string? statusCallback, CancellationToken ct)
    {
        var sid = NewSid("SM");
        LogMessage(sid, to);
        return Task.FromResult(new TwilioResource(sid, SmsStatus));
    }

    public Task<TwilioResource> CreateCallAsync(string to, string twiml, string? statusCallback, CancellationToken ct)
    {
        var sid = NewSid("CA");
        LogCall(sid, to);
        return Task.FromResult(new TwilioResource(sid, CallStatus));
    }

    /// <summary>The local line connects a callback at once (the simulator plays both phones); nothing is sent anywhere.</summary>
    public Task<TwilioResource> DialOutAsync(string agentPhone, string twiml, CancellationToken ct)
    {
        var sid = NewSid("CA");
        LogCallback(sid);
        return Task.FromResult(new TwilioResource(sid, "in-progress"));
    }

    /// <summary>The local line connects a redirected call at once (the simulator plays both phones); nothing is sent anywhere.</summary>
    public Task<TwilioResource> RedirectCallAsync(string callSid, string twiml, CancellationToken ct)
    {
        EnsureLocal();
        LogRedirect(callSid);
        return Task.FromResult(new TwilioResource(callSid, "in-progress"));
    }

    /// <summary>The local line joins the phone to the conference at once (the simulator plays every phone); nothing is dialled.</summary>
    public Task<TwilioResource> AddParticipantAsync(string conference, ConferenceParticipant participant, CancellationToken ct)
    {
        var sid = NewSid("CA");
        LogParticipant(sid, conference);
        return Task.FromResult(new TwilioResource(sid, "in-progress", "CF" + Guid.NewGuid().ToString("N")));
    }

    public Task<TwilioResource> UpdateParticipantAsync(string conferenceSid, string callSid, ParticipantChange change, CancellationToken ct)
    {
        EnsureLocal();
        return Task.FromResult(new TwilioResource(callSid, "in-progress", conferenceSid));
    }

    /// <summary>The local line records nothing: no call on it has a recording.</summary>
    public Task<Stream?> OpenRecordingAsync(string recordingSid, CancellationToken ct) => Task.FromResult<Stream?>(null);

    /// <summary>The local line ends the call at once: the answer says <c>completed</c>, as Twilio's does.</summary>
    public Task<TwilioResource> EndCallAsync(string callSid, CancellationToken ct)
    {
        EnsureLocal();
        return Task.FromResult(new TwilioResource(callSid, "completed"));
    }

    private string NewSid(string prefix)
    {
        EnsureLocal();
        return prefix + Guid.NewGuid().ToString("N");
    }

    private void EnsureLocal()
    {
        if (credentials.Line != TelephonyLine.Local)
        {
            throw new InvalidOperationException("The local line is only used with the embedded database and without Twilio.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local line (本地模拟线路): survey SMS {Sid} to {To} kept on this machine; read it with simulate-inbox")]
    private partial void LogMessage(string sid, string to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local line (本地模拟线路): call {Sid} connected to the agent at once; end it with simulate-hangup {Sid}")]
    private partial void LogRedirect(string sid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local line (本地模拟线路): {Sid} joined conference {Conference} at once")]
    private partial void LogParticipant(string sid, string conference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local line (本地模拟线路): callback {Sid} connected the agent to the citizen at once")]
    private partial void LogCallback(string sid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local line (本地模拟线路): survey call {Sid} to {To} kept on this machine; answer it with simulate-keypad {Sid} <keys>")]
    private partial void LogCall(string sid, string to);
}
