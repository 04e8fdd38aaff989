namespace Hotline.Contracts.Telephony;

/// <summary>
/// An agent's availability for incoming calls: only <c>Available</c> agents are rung and may answer. <c>Busy</c> is
/// set while the agent is on a call (or by hand); <c>WrapUp</c> (话后处理) follows each answered call for
/// <c>Calls:WrapUpTime</c> before the agent is available again.
/// </summary>
public enum AgentPresenceStatus
{
    Available,
    Busy,
    Away,
    WrapUp,
}

/// <summary>
/// The signed-in agent's presence; <c>wrapUpEndsAt</c> while in wrap-up, <c>devicePhone</c> the phone Twilio bridges
/// answered calls to, <c>connection</c> how the agent is connected (the phone, or the browser as a softphone).
/// </summary>
public sealed record AgentPresenceDto(Guid UserId, AgentPresenceStatus Status, DateTimeOffset? UpdatedAt, DateTimeOffset? WrapUpEndsAt = null, string? DevicePhone = null, CallConnection Connection = CallConnection.Phone);

/// <summary>
/// The agent's desk or mobile phone that answered calls are bridged to, and how the agent is connected
/// (<c>PUT /api/agents/me/device</c>); a null connection leaves it as it is.
/// </summary>
public sealed record SetAgentDeviceRequest(string? Phone, CallConnection? Connection = null);

/// <summary>
/// How an answered caller reaches an agent (接听方式), set per agent: Twilio rings the agent's desk or mobile
/// <c>Phone</c>, or the console in the <c>Browser</c> rings as a softphone (Twilio Voice JavaScript SDK).
/// </summary>
public enum CallConnection
{
    Phone,
    Browser,
}

/// <summary>
/// A Twilio access token for the browser softphone (<c>GET /api/agents/me/softphone-token</c>): the JWT the Voice SDK's
/// <c>Device</c> registers with, the client identity Twilio rings (<c>client:{identity}</c>) and when it expires.
/// </summary>
public sealed record SoftphoneTokenDto(string Token, string Identity, DateTimeOffset ExpiresAt);

/// <summary>How the answered caller reaches the agent.</summary>
public enum CallBridge
{
    /// <summary>The local line (本地模拟线路): connected at once.</summary>
    Connected,

    /// <summary>Twilio accepted the redirect of the caller's call to the agent's phone, which rings now.</summary>
    Requested,

    /// <summary>Twilio did not answer in time: the redirect may or may not have been made; the call stays the agent's.</summary>
    Unconfirmed,
}

/// <summary>The result of <c>POST /api/calls/answer</c>: the call now the agent's, and how it is connected.</summary>
public sealed record AnswerCallResponse(CallDto Call, CallBridge Bridge, string Message);

/// <summary>Seconds an agent spent in each state on one China-time day.</summary>
public sealed record AgentStateTimeDto(Guid UserId, string UserName, string DisplayName, int AvailableSeconds, int BusySeconds, int WrapUpSeconds, int AwaySeconds);

/// <summary><c>GET /api/agents/states?date=</c>: time in each state per agent on one China-time day (until now for today).</summary>
public sealed record AgentStatesDto(DateOnly Date, IReadOnlyList<AgentStateTimeDto> Agents);

public sealed record SetPresenceRequest(AgentPresenceStatus? Status);

/// <summary>
/// A call to the hotline; <c>ticketId</c> is the order registered from it, if any. <c>agentId</c> / <c>agentAnsweredAt</c>:
/// the agent who took it from the queue and when (Twilio's own answer of the call is not this); <c>priorityReason</c>:
/// why the caller goes ahead of the queue (null for the usual order of waiting); <c>seatGroup</c>: the 专席 whose agents
/// answer it first; <c>flagReason</c> / <c>flagPolicy</c>: the number is flagged (恶意来电) and why; <c>limited</c>: over the
/// flag's daily limit, the caller heard the limit message instead of the queue (recorded, never silently dropped).
/// </summary>
public sealed record CallDto(Guid Id, string CallSid, string From, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int? DurationSeconds, string? RecordingUrl, Guid? TicketId, Guid? AgentId = null, DateTimeOffset? AgentAnsweredAt = null, string? PriorityReason = null, string? SeatGroup = null, string? FlagReason = null, FlaggedCallerPolicy? FlagPolicy = null, bool Limited = false, Guid? CurrentAgentId = null, bool OnHold = false);

/// <summary>Where a live call is transferred (转接): another agent, a unit's phone, or a three-way call with an emergency service.</summary>
public enum CallTransferKind
{
    /// <summary>转接坐席: another Available agent takes the call; the transferring agent leaves.</summary>
    Agent,

    /// <summary>转接单位: the unit's phone (its <c>phone</c> in the unit tree) takes the call; the agent leaves.</summary>
    Unit,

    /// <summary>三方转接: 110, 119, 120 or 122 joins the caller and the agent (emergencies are transferred, not handled).</summary>
    Emergency,
}

/// <summary>
/// <c>POST /api/calls/{id}/transfer</c>: <c>kind</c> and its target (<c>agentId</c> for Agent, <c>unitId</c> for Unit,
/// <c>service</c> "110" | "119" | "120" | "122" for Emergency), with an optional note (up to 500 characters).
/// </summary>
public sealed record TransferCallRequest(CallTransferKind? Kind, Guid? AgentId = null, Guid? UnitId = null, string? Service = null, string? Note = null);

/// <summary>One transfer of a call, as recorded on the call (and, for an order registered from it, on the order's timeline).</summary>
public sealed record CallTransferDto(Guid Id, CallTransferKind Kind, string Target, string? TargetNumber, Guid? ToAgentId, Guid? ToUnitId, string? Service, string? Note, Guid ByUserId, string ByName, DateTimeOffset At, CallBridge Bridge);

/// <summary>The result of a call control (保持, 取消保持, 挂断, 转接): the call as it is now and what the phone network was asked.</summary>
public sealed record CallControlResponse(CallDto Call, CallBridge Bridge, string Message, CallTransferDto? Transfer = null);

/// <summary><c>GET /api/calls/{id}</c>: a call with its transfers, oldest first.</summary>
public sealed record CallDetailDto(CallDto Call, IReadOnlyList<CallTransferDto> Transfers);
