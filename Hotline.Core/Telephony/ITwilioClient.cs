namespace Hotline.Core.Telephony;

/// <summary>What the hotline asks of the telephone network. Swapping in Twilio's SDK means another implementation here.</summary>
public interface ITwilioClient
{
    /// <summary>Sends one SMS (<c>Messages.json</c>).</summary>
    Task<TwilioResource> SendMessageAsync(string to, string body, string? statusCallback, CancellationToken ct);

    /// <summary>Places one call that runs <paramref name="twiml"/> when answered (<c>Calls.json</c>).</summary>
    Task<TwilioResource> CreateCallAsync(string to, string twiml, string? statusCallback, CancellationToken ct);

    /// <summary>
    /// Rings the agent's phone and, when the agent picks up, runs <paramref name="twiml"/> (a <c>&lt;Dial&gt;</c> to the
    /// citizen): a callback (<c>Calls.json</c>, no status callback). The local line connects it at once.
    /// </summary>
    Task<TwilioResource> DialOutAsync(string agentPhone, string twiml, CancellationToken ct);

    /// <summary>Makes a live call run <paramref name="twiml"/> now (<c>Calls/{CallSid}.json</c> with <c>Twiml</c>), e.g. a queued caller bridged to an agent.</summary>
    Task<TwilioResource> RedirectCallAsync(string callSid, string twiml, CancellationToken ct);

    /// <summary>
    /// Dials <paramref name="participant"/> into the conference named <paramref name="conference"/> (created by its
    /// friendly name if it does not exist yet): <c>Conferences/{name}/Participants.json</c>. The answer carries the new
    /// leg's call sid and the conference's sid.
    /// </summary>
    Task<TwilioResource> AddParticipantAsync(string conference, ConferenceParticipant participant, CancellationToken ct);

    /// <summary>Changes a participant of a live conference (<c>Conferences/{CF}/Participants/{CallSid}.json</c>): hold, or whether its leaving ends the conference.</summary>
    Task<TwilioResource> UpdateParticipantAsync(string conferenceSid, string callSid, ParticipantChange change, CancellationToken ct);

    /// <summary>
    /// The recording's audio (<c>Recordings/{RecordingSid}.mp3</c>, read with the account's credentials, never a public
    /// link); null when Twilio has no such recording. The caller disposes the stream.
    /// </summary>
    Task<Stream?> OpenRecordingAsync(string recordingSid, CancellationToken ct);

    /// <summary>Ends a live call (<c>Calls/{CallSid}.json</c> with <c>Status=completed</c>).</summary>
    Task<TwilioResource> EndCallAsync(string callSid, CancellationToken ct);
}

/// <summary>A Twilio resource as answered: its sid (a participant's: its call sid), status and, for a participant, its conference's sid.</summary>
public sealed record TwilioResource(string Sid, string? Status, string? ConferenceSid = null);

/// <summary>
/// A phone dialled into a conference: <paramref name="To"/> in E.164, whether its leaving ends the conference, and the
/// status callback of its leg (answered, completed) so the hotline learns when it did not answer.
/// </summary>
public sealed record ConferenceParticipant(string To, bool EndConferenceOnExit, string? StatusCallback, int TimeoutSeconds = 30);

/// <summary>What to change on a participant; null leaves it as it is.</summary>
public sealed record ParticipantChange(bool? Hold = null, string? HoldUrl = null, bool? EndConferenceOnExit = null);
