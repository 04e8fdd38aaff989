namespace Hotline.Core.Json;

/// <summary>
/// The window of dates the API accepts anywhere (bodies, queries): the years 2000 to 2100, in China time. Outside
/// it a date is a typo or a probe, and the far edges of the calendar do not survive time-zone arithmetic.
/// </summary>
public static class WireDates
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static readonly string Message = $"日期须在 {MinYear}–{MaxYear} 年之间。(dates must fall within the years {MinYear} to {MaxYear})";

    public static bool Contains(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>In the window as China sees the instant (UTC+8), so 2100-12-31T20:00Z (2101 in Beijing) is outside.</summary>
    public static bool Contains(DateTimeOffset instant) =>
        instant.UtcDateTime.Year is >= MinYear and <= MaxYear && instant.UtcDateTime.AddHours(8).Year is >= MinYear and <= MaxYear;
}
