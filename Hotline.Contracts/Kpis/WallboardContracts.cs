using Hotline.Contracts.Telephony;

namespace Hotline.Contracts.Kpis;

/// <summary>
/// The wallboard (大屏), <c>GET /api/kpis/calls/live</c>: the line now and today (China day). <c>waiting</c>: callers in
/// the queue now (active, no agent, inside the staffed hours); <c>longestWaitSince</c> the start of the longest of them and
/// <c>longestWaitSeconds</c> its wait until <c>at</c>; <c>agents</c>: every active agent account with its state (no presence
/// row: Away); <c>today</c>: the line's measures of today, the same arithmetic as <c>GET /api/kpis/calls</c> (key the
/// day); <c>callbacksPending</c>: open missed-call tasks (漏接回拨, waiting or being called back).
/// </summary>
public sealed record WallboardDto(
    DateTimeOffset At,
    DateOnly Day,
    int Waiting,
    DateTimeOffset? LongestWaitSince,
    int? LongestWaitSeconds,
    IReadOnlyList<WallboardAgentDto> Agents,
    CallMeasuresDto Today,
    int CallbacksPending);

/// <summary>One agent on the wallboard: display name and state.</summary>
public sealed record WallboardAgentDto(Guid UserId, string UserName, string DisplayName, AgentPresenceStatus Status);
