using Hotline.Contracts.Telephony;
using Hotline.Domain.Common;

namespace Hotline.Domain.Telephony;

/// <summary>
/// A call to the hotline, recorded the moment Twilio reports it ringing. Its status follows Twilio's status
/// callbacks, which may arrive out of order: older sequence numbers are ignored and a terminal status is final.
/// A new call raises <see cref="CallReceived"/>.
/// </summary>
public sealed class Call : AggregateRoot
{
    public static readonly IReadOnlySet<string> TerminalStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "completed", "busy", "failed", "no-answer", "canceled",
    };

    public static readonly IReadOnlySet<string> KnownStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "queued", "initiated", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled",
    };

    private Call()
    {
    }

    public Guid Id { get; private set; }

    public string CallSid { get; private set; } = null!;

    public string From { get; private set; } = null!;

    public string? To { get; private set; }

    public string Status { get; private set; } = null!;

    /// <summary>The highest SequenceNumber applied so far; -1 before any status callback.</summary>
    public int LastSequence { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public int? DurationSeconds { get; private set; }

    public string? RecordingSid { get; private set; }

    public string? RecordingUrl { get; private set; }

    public string? RecordingStatus { get; private set; }

    public int? RecordingDurationSeconds { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The agent who took the caller from the queue (claimed by a conditional update: one agent only).</summary>
    public Guid? AgentId { get; private set; }

    /// <summary>When the agent took the call (not Twilio's in-progress, which is when Twilio answered and queued it).</summary>
    public DateTimeOffset? AgentAnsweredAt { get; private set; }

    /// <summary>Why the caller goes ahead in the queue (e.g. an overdue earlier order); null: in order of waiting.</summary>
    public string? PriorityReason { get; private set; }

    /// <summary>1 for a priority caller, 0 otherwise: the queue is ordered by this, then by <see cref="StartedAt"/>.</summary>
    public int Priority { get; private set; }

    /// <summary>Called outside the staffed hours: told so and not queued; a callback task from the start.</summary>
    public bool AfterHours { get; private set; }

    /// <summary>The callback task (<see cref="MissedCall"/>) this call was folded into when it was missed; set once.</summary>
    public Guid? MissedCallId { get; private set; }

    /// <summary>
    /// The agent on the line with the caller now: the answering agent, then whoever the call was transferred to; null
    /// once the call was handed to a unit's phone or the agent left a three-way call. Measures count <see cref="AgentId"/>.
    /// </summary>
    public Guid? CurrentAgentId { get; private set; }

    /// <summary>The Twilio conference (by friendly name, <c>hotline-{id}</c>) the caller and the agent talk in; null for a call bridged with a plain &lt;Dial&gt;.</summary>
    public string? ConferenceName { get; private set; }

    /// <summary>Twilio's sid of the conference (<c>CF…</c>), learnt from the first participant added; needed to hold or update participants.</summary>
    public string? ConferenceSid { get; private set; }

    /// <summary>The call leg (<c>CA…</c>) of <see cref="CurrentAgentId"/>'s phone in the conference.</summary>
    public string? AgentLegSid { get; private set; }

    /// <summary>The caller is on hold (保持): hears the hold message, the agent stays on the line.</summary>
    public bool OnHold { get; private set; }

    /// <summary>The seat group (专席) whose agents answer this call first, chosen by the called number; null: any agent.</summary>
    public string? SeatGroup { get; private set; }

    /// <summary>When a grouped call, unanswered past the overflow time, was rung to every available agent; set once.</summary>
    public DateTimeOffset? OverflowRungAt { get; private set; }

    /// <summary>The number was flagged (恶意来电) when it called: why (shown to the agent on ring); null: not flagged.</summary>
    public string? FlagReason { get; private set; }

    public FlaggedCallerPolicy? FlagPolicy { get; private set; }

    /// <summary>Over the flag's daily limit: the caller heard the limit message instead of the queue; not rung, not missed.</summary>
    public bool Limited { get; private set; }

    /// <summary>Waiting in the queue: still on the line, inside the staffed hours, not limited, and no agent has taken it.</summary>
    public bool IsWaiting => IsActive && AgentId is null && !AfterHours && !Limited;

    /// <summary>Missed: ended without an agent (hung up in the queue), or outside the staffed hours; a limited call is not.</summary>
    public bool IsMissed => AfterHours || (!IsActive && AgentId is null && !Limited);

    /// <summary>
    /// A new call. Inside the staffed hours it raises <see cref="CallReceived"/> (the available agents are rung); outside
    /// them (<paramref name="afterHours"/>) nobody is rung and the caller is not queued. A flagged number carries the flag
    /// (<paramref name="flag"/>) for the agents; a limited call (<paramref name="limited"/>, over the flag's daily limit)
    /// is recorded but neither queued nor rung.
    /// </summary>
    public static Call Incoming(
        string callSid,
        string from,
        string? to,
        string? status,
        DateTimeOffset now,
        string? priorityReason = null,
        bool afterHours = false,
        string? seatGroup = null,
        FlaggedCaller? flag = null,
        bool limited = false)
    {
        var initial = status is not null && KnownStatuses.Contains(status) ? status : "ringing";
        var call = new Call
        {
            Id = Guid.NewGuid(),
            CallSid = callSid,
            From = from,
            To = to,
            Status = initial,
            IsActive = !TerminalStatuses.Contains(initial),
            LastSequence = -1,
            StartedAt = now,
            UpdatedAt = now,
            PriorityReason = priorityReason,
            Priority = priorityReason is null ? 0 : 1,
            AfterHours = afterHours,
            SeatGroup = afterHours || limited ? null : seatGroup,
            FlagReason = flag?.Reason,
            FlagPolicy = flag?.Policy,
            Limited = limited && !afterHours,
        };
        if (!afterHours && !call.Limited)
        {
            call.Raise(new CallReceived(call.Id, callSid, from, now, call.PriorityReason, call.SeatGroup, call.FlagReason, call.FlagPolicy));
        }

        return call;
    }

    /// <summary>Applies a status callback; false when it changes nothing (older, repeated, unknown, or after a terminal status).</summary>
    public bool ApplyStatus(string status, int? sequence, int? durationSeconds, DateTimeOffset now)
    {
        if (!KnownStatuses.Contains(status) || TerminalStatuses.Contains(Status) || (sequence is { } s && s <= LastSequence))
        {
            return false;
        }

        LastSequence = sequence ?? LastSequence;
        if (Status == status)
        {
            return true;
        }

        Status = status;
        UpdatedAt = now;
        if (status == "in-progress")
        {
            AnsweredAt ??= now;
        }

        if (TerminalStatuses.Contains(status))
        {
            IsActive = false;
            EndedAt = now;
            DurationSeconds = durationSeconds;
        }

        return true;
    }

    /// <summary>The conference name of a call answered by <paramref name="agentId"/>: unique per call, so every node agrees.</summary>
    public static string ConferenceNameOf(Guid callId) => "hotline-" + callId.ToString("N");

    /// <summary>The answering agent's phone joined the caller's conference as <paramref name="agentLegSid"/>.</summary>
    public void Bridged(Guid agentId, string agentLegSid, string? conferenceSid, DateTimeOffset now)
    {
        CurrentAgentId = agentId;
        ConferenceName = ConferenceNameOf(Id);
        ConferenceSid = conferenceSid ?? ConferenceSid;
        AgentLegSid = agentLegSid;
        UpdatedAt = now;
    }

    /// <summary>Only the agent on the line controls the call, and only while it is live and in a conference.</summary>
    public void EnsureControlledBy(Guid agentId)
    {
        if (!IsActive)
        {
            throw new DomainException("该通话已结束。");
        }

        if (CurrentAgentId != agentId)
        {
            throw new DomainException("该通话不在您的坐席上，只有正在通话的话务员可以操作。");
        }

        if (ConferenceName is null)
        {
            throw new DomainException("该通话为直接转接的通话，不支持保持和转接；请在电话上操作。");
        }
    }

    /// <summary>保持 / 取消保持.</summary>
    public void SetHold(bool hold, DateTimeOffset now)
    {
        if (OnHold == hold)
        {
            throw new DomainException(hold ? "来电已在保持中。" : "来电未在保持中。");
        }

        OnHold = hold;
        UpdatedAt = now;
    }

    /// <summary>The call now goes on with another agent (转接坐席), whose phone joined as <paramref name="legSid"/>.</summary>
    public void TransferredTo(Guid agentId, string legSid, DateTimeOffset now)
    {
        CurrentAgentId = agentId;
        AgentLegSid = legSid;
        OnHold = false;
        UpdatedAt = now;
    }

    /// <summary>The agent left the call: handed to a unit's phone, or a three-way call going on without them.</summary>
    public void AgentLeft(DateTimeOffset now)
    {
        CurrentAgentId = null;
        AgentLegSid = null;
        OnHold = false;
        UpdatedAt = now;
    }

    /// <summary>
    /// The caller back in the queue in its place (its wait counts from the start), e.g. when the agent's phone did not
    /// answer: no agent, no conference; the measures never count the failed answer.
    /// </summary>
    public void Requeued(DateTimeOffset now)
    {
        AgentId = null;
        AgentAnsweredAt = null;
        AgentLeft(now);
        ConferenceName = null;
        ConferenceSid = null;
        Raise(new CallReceived(Id, CallSid, From, now));
    }

    /// <summary>Applies a recording callback; a completed recording is final.</summary>
    public bool ApplyRecording(string recordingSid, string? url, string? status, int? durationSeconds, DateTimeOffset now)
    {
        if (RecordingStatus == "completed" || (RecordingSid == recordingSid && RecordingStatus == status))
        {
            return false;
        }

        RecordingSid = recordingSid;
        RecordingUrl = url ?? RecordingUrl;
        RecordingStatus = status;
        RecordingDurationSeconds = durationSeconds ?? RecordingDurationSeconds;
        UpdatedAt = now;
        return true;
    }
}
