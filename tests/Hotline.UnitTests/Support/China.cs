namespace Hotline.UnitTests.Support;

internal static class China
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>An instant given in China Standard Time (UTC+8).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
