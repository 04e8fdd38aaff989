using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Deadlines;

/// <summary>Section <c>Deadlines</c>.</summary>
public sealed class DeadlineOptions : IValidatableObject
{
    public const string Section = "Deadlines";

    /// <summary>How often the sweep runs. Whole seconds from 1 s to 1 h; under a minute it must divide 60 s.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The share of a stage's allowed time after which a warning (预警) is raised.</summary>
    [Range(0.05, 0.99)]
    public double WarningShare { get; set; } = 0.8;

    /// <summary>Orders read and saved together by the sweep.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>The supervisors' near-due list shows orders whose next deadline falls within this window.</summary>
    public TimeSpan NearDueWindow { get; set; } = TimeSpan.FromHours(4);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seconds = SweepInterval.TotalSeconds;
        if (seconds < 1 || seconds > 3600 || seconds != Math.Floor(seconds)
            || (seconds < 60 && 60 % seconds != 0)
            || (seconds >= 60 && (seconds % 60 != 0 || 60 % (seconds / 60) != 0 && seconds != 3600)))
        {
            yield return new ValidationResult(
                "Deadlines:SweepInterval must be whole seconds that divide a minute (e.g. 00:00:20) or whole minutes that divide an hour (e.g. 00:05:00).",
                [nameof(SweepInterval)]);
        }
    }

    /// <summary>The recurring job's cron: six fields (with seconds) under a minute, five otherwise.</summary>
    public string SweepCron()
    {
        var seconds = (int)SweepInterval.TotalSeconds;
        if (seconds < 60)
        {
            return $"*/{seconds} * * * * *";
        }

        var minutes = seconds / 60;
        return minutes >= 60 ? "0 * * * *" : $"*/{minutes} * * * *";
    }
}
