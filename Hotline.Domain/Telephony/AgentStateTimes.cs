using Hotline.Contracts.Telephony;

namespace Hotline.Domain.Telephony;

/// <summary>
/// Time in each state from an agent's state changes: each state lasts until the next change, clipped to the
/// period [from, to); the state before the period is the last change before it (none: Away).
/// </summary>
public static class AgentStateTimes
{
    /// <param name="changes">the agent's changes, any order: the last one before <paramref name="from"/> and those in the period</param>
    public static IReadOnlyDictionary<AgentPresenceStatus, TimeSpan> Compute(IEnumerable<(AgentPresenceStatus Status, DateTimeOffset At)> changes, DateTimeOffset from, DateTimeOffset to)
    {
        var totals = Enum.GetValues<AgentPresenceStatus>().ToDictionary(s => s, _ => TimeSpan.Zero);
        if (to <= from)
        {
            return totals;
        }

        var ordered = changes.OrderBy(c => c.At).ToList();
        var before = ordered.Where(c => c.At <= from).ToList();
        var current = before.Count > 0 ? before[^1].Status : AgentPresenceStatus.Away;
        var since = from;
        foreach (var change in ordered.Where(c => c.At > from && c.At < to))
        {
            totals[current] += change.At - since;
            (current, since) = (change.Status, change.At);
        }

        totals[current] += to - since;
        return totals;
    }
}
