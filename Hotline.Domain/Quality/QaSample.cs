using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hotline.Domain.Common;

namespace Hotline.Domain.Quality;

/// <summary>
/// Which calls supervisors score (质检抽样): per agent, a share of the calls they answered in an ISO week (China time),
/// at least one when they answered any. The pick is a hash of the week and the call, so it is the same on every node and
/// every day of the week, nobody can choose the calls, and the share grows with the agent's calls.
/// </summary>
public static class QaSample
{
    /// <summary>An ISO week as written in the API: <c>2026-W49</c>.</summary>
    public static string WeekOf(DateTimeOffset at)
    {
        var day = ChinaTime.ToChina(at).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}");
    }

    /// <summary>The week's bounds in UTC (Monday 00:00 to the next Monday 00:00, China time); null when <paramref name="week"/> is not a week.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Bounds(string? week)
    {
        if (week is not { Length: 8 } || week[4..6] != "-W"
            || !int.TryParse(week[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(week[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
        var from = ChinaTime.StartOfDay(monday).ToUniversalTime();
        return (from, from.AddDays(7));
    }

    /// <summary>How many of an agent's <paramref name="answered"/> calls are sampled at <paramref name="rate"/>.</summary>
    public static int SizeFor(int answered, double rate) => answered == 0 ? 0 : Math.Clamp((int)Math.Ceiling(answered * rate), 1, answered);

    /// <summary>The sampled calls of the week, per agent, in a fixed order.</summary>
    public static IReadOnlyList<(Guid CallId, Guid AgentId)> Pick(IEnumerable<(Guid CallId, Guid AgentId)> answered, double rate, string week) =>
        answered
            .GroupBy(c => c.AgentId)
            .SelectMany(agent =>
            {
                var calls = agent.ToList();
                return calls.OrderBy(c => Key(week, c.CallId), StringComparer.Ordinal).Take(SizeFor(calls.Count, rate));
            })
            .ToList();

    private static string Key(string week, Guid callId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(week + ":" + callId.ToString("N"))));
}
