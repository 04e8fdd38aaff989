using System.Globalization;
using Hotline.Contracts.Kpis;
using Hotline.Domain.Common;

namespace Hotline.Core.Features.Kpis.GetCallMeasures;

/// <summary>
/// One finished inbound call inside the staffed hours: when it started, when an agent took it (if one did), when it ended;
/// <paramref name="Limited"/>: a flagged number over its daily limit (told so, not queued).
/// </summary>
public sealed record CallFact(DateTimeOffset StartedAt, DateTimeOffset? AgentAnsweredAt, DateTimeOffset? EndedAt, string? AgentKey, string? AgentName, bool Limited = false);

/// <summary>One missed-call callback with a recorded outcome.</summary>
public sealed record CallbackFact(DateTimeOffset RecordedAt, bool Reached, string AgentKey, string? AgentName);

/// <summary>
/// The arithmetic of the line's measures (话务指标), in memory, so it can be checked against a hand count. A call is
/// answered when an agent took it (its wait: start → the agent's answer; its handle time: the agent's answer → the end);
/// abandoned when it ended without one (its wait: start → end), and abandoned within 5 s when that wait was at most
/// 5 s. Offered = answered + abandoned − abandoned within 5 s. A limited call (恶意来电 over its daily limit) is neither:
/// it is counted as limited. Hours and days are China time.
/// </summary>
public static class CallMeasureCalculator
{
    public static readonly TimeSpan AnswerTarget = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan ShortAbandon = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<CallMeasuresDto> Compute(IEnumerable<CallFact> calls, IEnumerable<CallbackFact> callbacks, CallGrouping groupBy)
    {
        var groups = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        Tally Of(string key, string? name)
        {
            if (!groups.TryGetValue(key, out var tally))
            {
                groups[key] = tally = new Tally(name);
            }

            return tally;
        }

        foreach (var call in calls)
        {
            var tally = Of(Key(groupBy, call.StartedAt, call.AgentKey), groupBy == CallGrouping.Agent ? call.AgentName : null);
            if (call.Limited)
            {
                tally.Limited++;
            }
            else if (call.AgentAnsweredAt is { } answeredAt)
            {
                var wait = answeredAt - call.StartedAt;
                tally.Answered++;
                tally.AnsweredWithin15s += wait <= AnswerTarget ? 1 : 0;
                tally.WaitSeconds += Math.Max(0, wait.TotalSeconds);
                if (call.EndedAt is { } end)
                {
                    tally.Handled++;
                    tally.HandleSeconds += Math.Max(0, (end - answeredAt).TotalSeconds);
                }
            }
            else if (call.EndedAt is { } end)
            {
                tally.Abandoned++;
                tally.AbandonedWithin5s += end - call.StartedAt <= ShortAbandon ? 1 : 0;
            }
        }

        foreach (var callback in callbacks)
        {
            var tally = Of(Key(groupBy, callback.RecordedAt, callback.AgentKey), groupBy == CallGrouping.Agent ? callback.AgentName : null);
            tally.CallbacksDone++;
            tally.CallbacksReached += callback.Reached ? 1 : 0;
        }

        return groups.Select(g => g.Value.ToDto(g.Key)).ToList();
    }

    private static string Key(CallGrouping groupBy, DateTimeOffset at, string? agentKey) => groupBy switch
    {
        CallGrouping.Hour => ChinaTime.ToChina(at).ToString("yyyy-MM-dd'T'HH:00", CultureInfo.InvariantCulture),
        CallGrouping.Day => ChinaTime.ToChina(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => agentKey ?? string.Empty,
    };

    private sealed class Tally(string? name)
    {
        public string? Name { get; set; } = name;

        public int Answered { get; set; }

        public int AnsweredWithin15s { get; set; }

        public int Abandoned { get; set; }

        public int AbandonedWithin5s { get; set; }

        public double WaitSeconds { get; set; }

        public int Handled { get; set; }

        public double HandleSeconds { get; set; }

        public int CallbacksDone { get; set; }

        public int CallbacksReached { get; set; }

        public int Limited { get; set; }

        public CallMeasuresDto ToDto(string key)
        {
            var offered = Answered + Abandoned - AbandonedWithin5s;
            return new CallMeasuresDto(
                key,
                Name,
                offered,
                Answered,
                AnsweredWithin15s,
                offered == 0 ? null : Math.Round((double)Answered / offered, 4),
                offered == 0 ? null : Math.Round((double)AnsweredWithin15s / offered, 4),
                Abandoned,
                AbandonedWithin5s,
                Answered == 0 ? null : Math.Round(WaitSeconds / Answered, 1),
                Handled == 0 ? null : Math.Round(HandleSeconds / Handled, 1),
                CallbacksDone,
                CallbacksReached,
                Limited);
        }
    }
}
