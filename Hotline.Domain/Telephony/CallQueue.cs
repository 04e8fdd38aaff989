namespace Hotline.Domain.Telephony;

/// <summary>
/// The order in which waiting callers are answered: priority callers first (<see cref="Call.Priority"/>), then the
/// longest waiting; the id breaks exact ties so every node agrees on the front. Works on the database query and in memory.
/// </summary>
public static class CallQueue
{
    public static IQueryable<Call> Waiting(IQueryable<Call> calls) =>
        calls.Where(c => c.IsActive && c.AgentId == null && !c.AfterHours)
            .OrderByDescending(c => c.Priority)
            .ThenBy(c => c.StartedAt)
            .ThenBy(c => c.Id);
}

/// <summary>Why a caller goes ahead in the queue (<see cref="Call.PriorityReason"/>).</summary>
public static class CallPriority
{
    public const string OverdueOrder = "工单已超期";
}
