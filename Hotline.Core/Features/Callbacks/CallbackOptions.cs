using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Common;

namespace Hotline.Core.Features.Callbacks;

/// <summary>Section <c>Callbacks</c>: when and how replied orders are surveyed automatically.</summary>
public sealed class CallbackOptions : IValidatableObject
{
    public const string Section = "Callbacks";

    /// <summary>
    /// Automated surveys on the telephone line (Twilio or the local line). False: every replied order goes to the
    /// human callback queue at once, as without a line (a centre whose rules want a person to call back).
    /// </summary>
    public bool Automated { get; set; } = true;

    /// <summary>Time between the unit's reply and the survey SMS.</summary>
    public TimeSpan DelayAfterReply { get; set; } = TimeSpan.FromHours(1);

    /// <summary>China-time window in which SMS are sent and survey calls placed, e.g. <c>08:00-20:00</c>.</summary>
    public string Hours { get; set; } = "08:00-20:00";

    /// <summary>How long an SMS answer is awaited before the keypad survey call.</summary>
    public TimeSpan SmsTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the keypad survey call may take before the order goes to the human queue.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the callback sweep runs (a minute by default; whole minutes that divide an hour, or 1 h).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Callback calls by a person that may go unanswered (无人接听, 关机, 拒接) before the callback is recorded as 联系不上
    /// (closed, counted in no rate); the attempts before it send the order back to the queue later.
    /// </summary>
    [Range(1, 10)]
    public int UnreachableAttempts { get; set; } = 3;

    /// <summary>The 稍后再拨 delay after an unreached callback call (moved into the calling hours).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The China time of day a 下个工作日 retry is due.</summary>
    public static readonly TimeSpan NextWorkingDayAt = TimeSpan.FromHours(9);

    public (TimeSpan Start, TimeSpan End) Window => ParseHours(Hours) ?? (TimeSpan.FromHours(8), TimeSpan.FromHours(20));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseHours(Hours) is null)
        {
            yield return new ValidationResult("Callbacks:Hours must look like 08:00-20:00 (China time, start before end, end up to 24:00).", [nameof(Hours)]);
        }

        if (DelayAfterReply < TimeSpan.Zero || SmsTimeout <= TimeSpan.Zero || CallTimeout <= TimeSpan.Zero || RetryDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Callbacks:DelayAfterReply must not be negative; Callbacks:SmsTimeout, Callbacks:CallTimeout and Callbacks:RetryDelay must be positive.", [nameof(SmsTimeout)]);
        }

        var minutes = SweepInterval.TotalMinutes;
        if (minutes != Math.Floor(minutes) || minutes < 1 || (minutes != 60 && 60 % minutes != 0))
        {
            yield return new ValidationResult("Callbacks:SweepInterval must be whole minutes that divide an hour (e.g. 00:05:00), or 01:00:00.", [nameof(SweepInterval)]);
        }
    }

    public string SweepCron()
    {
        var minutes = (int)SweepInterval.TotalMinutes;
        return minutes >= 60 ? "0 * * * *" : $"*/{minutes} * * * *";
    }

    /// <summary>The first instant at or after <paramref name="at"/> that falls inside the calling hours (China time).</summary>
    public DateTimeOffset WithinHours(DateTimeOffset at)
    {
        var (start, end) = Window;
        var local = ChinaTime.ToChina(at);
        var timeOfDay = local.TimeOfDay;
        if (timeOfDay >= start && timeOfDay < end)
        {
            return at;
        }

        var day = local.Date;
        var next = timeOfDay < start ? day + start : day.AddDays(1) + start;
        return new DateTimeOffset(next, ChinaTime.Offset).ToUniversalTime();
    }

    /// <summary>
    /// When an unreached citizen is called again: <see cref="RetryDelay"/> from <paramref name="now"/> moved into the
    /// calling hours, or 09:00 China time on the next working day of the statutory calendar.
    /// </summary>
    public DateTimeOffset RetryAt(CallbackRetry retry, WorkingCalendar calendar, DateTimeOffset now) => retry == CallbackRetry.NextWorkingDay
        ? ChinaTime.StartOfDay(calendar.AddWorkingDays(ChinaTime.DateOf(now), 1)) + NextWorkingDayAt
        : WithinHours(now + RetryDelay);

    /// <summary>A China-time window <c>hh:mm-hh:mm</c> (end up to 24:00, start before end); null when malformed.</summary>
    internal static (TimeSpan Start, TimeSpan End)? ParseHours(string? value)
    {
        var parts = value?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 } || !TryTime(parts[0], out var start) || !TryTime(parts[1], out var end) || start >= end)
        {
            return null;
        }

        return (start, end);
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }
}
