namespace Hotline.Contracts.Telephony;

/// <summary>Why a call was missed (漏接).</summary>
public enum MissedCallReason
{
    /// <summary>The caller hung up waiting in the queue (放弃呼叫).</summary>
    Abandoned,

    /// <summary>The caller called outside the staffed hours (<c>Calls:StaffedHours</c>, China time).</summary>
    AfterHours,
}

/// <summary>Where a callback task stands.</summary>
public enum MissedCallStatus
{
    /// <summary>Waiting for an agent to call back.</summary>
    Open,

    /// <summary>An agent is calling back (<c>agentId</c>); the outcome is to be recorded.</summary>
    Calling,

    /// <summary>Called back: reached, wrong number, or no answer on the last allowed attempt.</summary>
    Done,
}

/// <summary>How a callback went.</summary>
public enum MissedCallOutcome
{
    /// <summary>已接通: the citizen was reached.</summary>
    Reached,

    /// <summary>无人接听: nobody answered (the task stays open until <c>Calls:CallbackAttempts</c> are used up).</summary>
    NoAnswer,

    /// <summary>号码错误: the number is wrong or not the caller's.</summary>
    WrongNumber,
}

/// <summary>
/// A callback task (漏接回拨), one per number: <c>from</c> (normalized), <c>calls</c> missed, the first and last,
/// <c>waitedSeconds</c> (the longest wait in the queue) and the latest wait, and the callback: <c>agentId</c>,
/// <c>callbackSid</c> and <c>callbackStartedAt</c> while an agent calls back; <c>outcome</c> and <c>note</c> of the
/// latest attempt; <c>completedAt</c> once done.
/// </summary>
public sealed record MissedCallDto(
    Guid Id,
    string From,
    MissedCallReason Reason,
    int Calls,
    DateTimeOffset FirstCallAt,
    DateTimeOffset LastCallAt,
    int WaitedSeconds,
    int LastWaitSeconds,
    MissedCallStatus Status,
    Guid? AgentId,
    string? CallbackSid,
    DateTimeOffset? CallbackStartedAt,
    int Attempts,
    MissedCallOutcome? Outcome,
    string? Note,
    DateTimeOffset? CompletedAt);

/// <summary>The result of <c>POST /api/calls/missed/{id}/callback</c>: the task, and how the agent is connected to the citizen.</summary>
public sealed record MissedCallCallbackResponse(MissedCallDto Task, CallBridge Bridge, string Message);

/// <summary><c>POST /api/calls/missed/{id}/outcome</c>: how the callback went, with an optional note (up to 500 characters).</summary>
public sealed record RecordMissedCallOutcomeRequest(MissedCallOutcome? Outcome, string? Note);
