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
}

public sealed record TwilioResource(string Sid, string? Status);
