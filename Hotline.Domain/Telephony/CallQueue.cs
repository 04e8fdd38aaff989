namespace Hotline.Domain.Telephony;

/// <summary>
/// The order in which waiting callers are answered: priority callers first (<see cref="Call.Priority"/>: registered elderly
/// or disabled callers, callers with an overdue order), then the longest waiting; the id breaks exact ties so every node
/// agrees on the front. Works on the database query and in memory.
/// </summary>
public static class CallQueue
{
    public static IQueryable<Call> Waiting(IQueryable<Call> calls) =>
        calls.Where(c => c.IsActive && c.AgentId == null && !c.AfterHours && !c.Limited)
            .OrderByDescending(c => c.Priority)
            .ThenBy(c => c.StartedAt)
            .ThenBy(c => c.Id);

    /// <summary>
    /// The queue as one agent answers it. Calls of a seat group (专席) the agent has come first (in the queue's order), then
    /// the calls of no group and the grouped calls that waited since <paramref name="overflowBefore"/> or earlier (overflowed,
    /// so nobody waits forever), in the queue's order. Grouped calls of other groups that have not overflowed are not the
    /// agent's to take.
    /// </summary>
    public static IQueryable<Call> WaitingFor(IQueryable<Call> calls, IReadOnlyCollection<string> agentGroups, DateTimeOffset overflowBefore)
    {
        var groups = agentGroups.ToList();
        return calls.Where(c => c.IsActive && c.AgentId == null && !c.AfterHours && !c.Limited)
            .Where(c => c.SeatGroup == null || groups.Contains(c.SeatGroup) || c.StartedAt <= overflowBefore)
            .OrderByDescending(c => c.SeatGroup != null && groups.Contains(c.SeatGroup))
            .ThenByDescending(c => c.Priority)
            .ThenBy(c => c.StartedAt)
            .ThenBy(c => c.Id);
    }

    /// <summary>
    /// How many callers wait ahead of <paramref name="call"/> in its own line (the same seat group, or no group), in the
    /// queue's order including priority; <paramref name="waiting"/> is the waiting calls of that line.
    /// </summary>
    public static int Ahead(IEnumerable<Call> waiting, Call call) =>
        Waiting(waiting.Where(c => c.SeatGroup == call.SeatGroup).AsQueryable()).TakeWhile(c => c.Id != call.Id).Count();
}

/// <summary>Why a caller goes ahead in the queue (<see cref="Call.PriorityReason"/>).</summary>
public static class CallPriority
{
    public const string Elderly = "老年人优先";
    public const string Disabled = "残疾人优先";
    public const string Registered = "优先来电人";
    public const string OverdueOrder = "工单已超期";
}

/// <summary>
/// The expected wait a caller hears (预计等待): the callers ahead plus the caller, each taking the average wait of the calls
/// agents answered in the last hour (<paramref name="recentAverageWait"/>); without one, <paramref name="perCallerWithoutHistory"/>
/// each. Rounded up to whole minutes, at least one.
/// </summary>
public static class WaitEstimate
{
    public static int Minutes(int ahead, TimeSpan? recentAverageWait, TimeSpan perCallerWithoutHistory)
    {
        var perCaller = recentAverageWait is { } average && average > TimeSpan.Zero ? average : perCallerWithoutHistory;
        return Math.Max(1, (int)Math.Ceiling((perCaller * (Math.Max(0, ahead) + 1)).TotalMinutes - 1e-9));
    }
}
