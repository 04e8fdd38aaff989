using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Quality;

/// <summary>Section <c>Qa</c>: quality inspection (质检).</summary>
public sealed class QualityOptions
{
    public const string Section = "Qa";

    /// <summary>The share of each agent's answered calls sampled per week for scoring (default 5 %; at least one call).</summary>
    [Range(0.001, 1.0)]
    public double SampleRate { get; set; } = 0.05;
}
