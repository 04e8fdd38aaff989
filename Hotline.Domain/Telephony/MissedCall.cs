using Hotline.Contracts.Telephony;
using Hotline.Domain.Common;

namespace Hotline.Domain.Telephony;

/// <summary>
/// A callback task (漏接回拨) for a caller the hotline missed: one who hung up waiting in the queue, or who called
/// outside the staffed hours. Repeat misses of one number fold into its one open task (<see cref="OpenPhone"/> is
/// unique and null once the task is done). An agent calls back (<see cref="StartCallback"/>, one agent at a time) and
/// records the outcome: reached and wrong number finish the task, no answer puts it back in the list until the
/// attempts are used up.
/// </summary>
public sealed class MissedCall
{
    public const int NoteMaxLength = 500;

    private MissedCall()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The caller's number, normalized (digits, without +86).</summary>
    public string Phone { get; private set; } = null!;

    /// <summary><see cref="Phone"/> while the task is open, null when done: unique, so one number has one open task.</summary>
    public string? OpenPhone { get; private set; }

    /// <summary>Why the latest miss was missed.</summary>
    public MissedCallReason Reason { get; private set; }

    public int Misses { get; private set; }

    public DateTimeOffset FirstMissedAt { get; private set; }

    public DateTimeOffset LastMissedAt { get; private set; }

    /// <summary>Seconds the caller waited in the queue on the latest miss (0 outside the staffed hours).</summary>
    public int LastWaitSeconds { get; private set; }

    public int LongestWaitSeconds { get; private set; }

    public MissedCallStatus Status { get; private set; }

    /// <summary>The agent calling back now (while <see cref="Status"/> is Calling).</summary>
    public Guid? AgentId { get; private set; }

    /// <summary>The current callback's call sid (Twilio's or the local line's).</summary>
    public string? CallbackSid { get; private set; }

    public DateTimeOffset? CallbackStartedAt { get; private set; }

    /// <summary>Callback attempts with a recorded outcome.</summary>
    public int Attempts { get; private set; }

    public MissedCallOutcome? Outcome { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status != MissedCallStatus.Done;

    public static MissedCall Open(string phone, MissedCallReason reason, DateTimeOffset at, int waitSeconds, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Phone = phone,
        OpenPhone = phone,
        Reason = reason,
        Misses = 1,
        FirstMissedAt = at,
        LastMissedAt = at,
        LastWaitSeconds = Math.Max(0, waitSeconds),
        LongestWaitSeconds = Math.Max(0, waitSeconds),
        Status = MissedCallStatus.Open,
    };

    /// <summary>Another missed call of the same number: one task, counted.</summary>
    public void Fold(MissedCallReason reason, DateTimeOffset at, int waitSeconds)
    {
        Misses++;
        Reason = reason;
        LastMissedAt = at > LastMissedAt ? at : LastMissedAt;
        LastWaitSeconds = Math.Max(0, waitSeconds);
        LongestWaitSeconds = Math.Max(LongestWaitSeconds, LastWaitSeconds);
        Version++;
    }

    /// <summary>The agent starts calling back; another agent's callback in progress or a finished task is a conflict.</summary>
    public void StartCallback(Guid agentId, DateTimeOffset now)
    {
        if (Status == MissedCallStatus.Done)
        {
            throw new DomainException("该漏接来电已回拨完毕，无需再次回拨。");
        }

        if (Status == MissedCallStatus.Calling && AgentId != agentId)
        {
            throw new DomainException("其他话务员正在回拨该来电。");
        }

        Status = MissedCallStatus.Calling;
        AgentId = agentId;
        CallbackSid = null;
        CallbackStartedAt = now;
        Version++;
    }

    public void CallbackPlaced(string sid)
    {
        CallbackSid = sid;
        Version++;
    }

    /// <summary>The telephone network refused the callback: back in the list as it was.</summary>
    public void CallbackFailed()
    {
        Status = MissedCallStatus.Open;
        AgentId = null;
        CallbackSid = null;
        CallbackStartedAt = null;
        Version++;
    }

    /// <summary>
    /// The calling agent records how the callback went. Reached and wrong number finish the task; no answer finishes it
    /// after <paramref name="maxAttempts"/> attempts and otherwise puts it back in the list for another try.
    /// </summary>
    public MissedCallAttempt RecordOutcome(Guid agentId, MissedCallOutcome outcome, string? note, DateTimeOffset now, int maxAttempts)
    {
        if (Status != MissedCallStatus.Calling || AgentId != agentId)
        {
            throw new DomainException(Status == MissedCallStatus.Done
                ? "该漏接来电已回拨完毕，结果已记录。"
                : "请先回拨该来电，再记录回拨结果（只有正在回拨的话务员可以记录）。");
        }

        var attempt = MissedCallAttempt.Of(this, agentId, outcome, note, now);
        Attempts++;
        Outcome = outcome;
        Note = attempt.Note;
        AgentId = null;
        CallbackSid = null;
        CallbackStartedAt = null;
        if (outcome != MissedCallOutcome.NoAnswer || Attempts >= maxAttempts)
        {
            Status = MissedCallStatus.Done;
            OpenPhone = null;
            CompletedAt = now;
        }
        else
        {
            Status = MissedCallStatus.Open;
        }

        Version++;
        return attempt;
    }
}

/// <summary>One callback of a <see cref="MissedCall"/> with its outcome (the task's history and the line's measures).</summary>
public sealed class MissedCallAttempt
{
    private MissedCallAttempt()
    {
    }

    public long Id { get; private set; }

    public Guid MissedCallId { get; private set; }

    public Guid AgentId { get; private set; }

    public string? CallSid { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public MissedCallOutcome Outcome { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal static MissedCallAttempt Of(MissedCall task, Guid agentId, MissedCallOutcome outcome, string? note, DateTimeOffset now) => new()
    {
        MissedCallId = task.Id,
        AgentId = agentId,
        CallSid = task.CallbackSid,
        StartedAt = task.CallbackStartedAt ?? now,
        Outcome = outcome,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        RecordedAt = now,
    };
}
