namespace Hotline.Core.Data;

/// <summary>The last order number handed out on a China-time day (yyyyMMdd). Incremented atomically inside the registering transaction.</summary>
public sealed class DailySequence
{
    public string Day { get; set; } = string.Empty;

    public int Last { get; set; }
}
