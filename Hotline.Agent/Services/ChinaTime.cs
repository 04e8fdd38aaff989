namespace Hotline.Agent.Services;

/// <summary>Times are shown in China Standard Time (UTC+8, no DST) whatever the browser's zone.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset? at) => at is null ? "—" : at.Value.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm");

    public static string Short(DateTimeOffset? at) => at is null ? "—" : at.Value.ToOffset(Offset).ToString("MM-dd HH:mm");

    public static DateTimeOffset ToChina(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>"剩余 3小时12分" or "超期 1天2小时".</summary>
    public static string Countdown(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        var span = left.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays}天{span.Hours}小时"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours}小时{span.Minutes}分"
            : $"{Math.Max(span.Minutes, 0)}分";
        return left < TimeSpan.Zero ? "超期 " + text : "剩余 " + text;
    }
}
