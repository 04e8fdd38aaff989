using System.Globalization;

namespace Hotline.Core.Features.Citizens.SearchOpen311Requests;

/// <summary>The dates of an Open311 search: ISO 8601 with a mandatory offset (Z or ±hh:mm), seconds and fractions optional.</summary>
internal static class Open311Dates
{
    /// <summary>Dates outside these bounds are refused (400): no order is that old or that new, and window arithmetic stays in range.</summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
    ];

    private static readonly string[] UtcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    /// <summary>The date as sent; null when not sent, not in the format or out of bounds (<see cref="Problem"/> says which).</summary>
    public static DateTimeOffset? Parse(string? value) => Read(value) is { } date && date >= Earliest && date <= Latest ? date : null;

    /// <summary>Why a sent date is refused; null when it is fine or not sent.</summary>
    public static string? Problem(string? value, string field)
    {
        if (Open311Fields.Clean(value) is null || Parse(value) is not null)
        {
            return null;
        }

        return Read(value) is null
            ? $"{field} must be an ISO 8601 date-time with an offset, e.g. 2026-11-01T00:00:00+08:00."
            : $"{field} must lie between 1970 and 9000.";
    }

    private static DateTimeOffset? Read(string? value) =>
        Open311Fields.Clean(value) is { } text
        && (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            ? date
            : null;
}
