namespace Hotline.Contracts.Kpis;

/// <summary>How <c>GET /api/kpis/calls</c> groups the calls: by China-time hour or day of the call's start, or by the agent who answered.</summary>
public enum CallGrouping
{
    Hour,
    Day,
    Agent,
}

/// <summary>
/// The line's measures (话务指标) of one group. <c>key</c>: <c>yyyy-MM-ddTHH:00</c> (hour, China time), <c>yyyy-MM-dd</c>
/// (day) or the agent's user name (empty for calls no agent answered); <c>name</c>: the agent's display name.
/// <c>offered</c> = answered + abandoned − abandonedWithin5s (a caller who hangs up within 5 s is not offered,
/// GB/T 33358); <c>answerRate</c> = answered / offered and <c>within15sRate</c> = answeredWithin15s / offered (null when
/// nothing was offered); averages in seconds (null without answered calls); <c>callbacksDone</c>: missed-call callbacks
/// with a recorded outcome, <c>callbacksReached</c> those that reached the citizen; <c>limited</c>: calls of flagged numbers
/// over their daily limit (told so, neither offered nor abandoned).
/// </summary>
public sealed record CallMeasuresDto(
    string Key,
    string? Name,
    int Offered,
    int Answered,
    int AnsweredWithin15s,
    double? AnswerRate,
    double? Within15sRate,
    int Abandoned,
    int AbandonedWithin5s,
    double? AverageSpeedOfAnswerSeconds,
    double? AverageHandleSeconds,
    int CallbacksDone,
    int CallbacksReached,
    int Limited = 0);
