using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Privacy;

/// <summary>Section <c>Privacy</c> (docs/privacy.md).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Days after an order's close (ClosedAt) before its citizen's personal data is removed; default 3 years.</summary>
    [Range(1, 36500)]
    public int RetentionDays { get; set; } = 3 * 365;

    /// <summary>Orders per batch; each batch is its own transaction, so a job killed mid-way keeps what it finished.</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>When the recurring job <c>privacy-retention</c> runs (China time); default 03:30 every night.</summary>
    [Required]
    public string RetentionCron { get; set; } = "30 3 * * *";
}
