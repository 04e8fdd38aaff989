namespace Hotline.Domain.Common;

/// <summary>China Standard Time (Asia/Shanghai): UTC+8 all year, no daylight saving since 1991.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset value) => value.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset value) => DateOnly.FromDateTime(ToChina(value).DateTime);

    /// <summary>The UTC instant of 00:00 China time on <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
