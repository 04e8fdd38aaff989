using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Knowledge;

/// <summary><c>Knowledge</c> section: how often each node looks at the change log, and the review flags.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>How often the node's index polls the change log for changes made on other nodes (its own apply at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A change-log sequence number still missing after this long is taken as a rolled-back transaction.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A published article unchanged this long is flagged for review.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ReviewAfter { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How far back the gaps list (知识缺口) looks.</summary>
    [Range(1, 3650)]
    public int GapDays { get; set; } = 30;
}
