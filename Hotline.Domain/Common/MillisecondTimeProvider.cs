namespace Hotline.Domain.Common;

/// <summary>
/// The clock the application runs on: the system clock cut to whole milliseconds. The databases keep instants
/// at different precisions (PostgreSQL microseconds, SQLite's integer form 100 µs, SQL Server 100 ns) and the
/// console's JavaScript dates milliseconds; without the cut, a command's answer (mapped from the saved
/// aggregate) showed an instant the next read of the same order no longer returned. Timers and timestamps
/// are the inner clock's.
/// </summary>
public sealed class MillisecondTimeProvider(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => inner.CreateTimer(callback, state, dueTime, period);
}
