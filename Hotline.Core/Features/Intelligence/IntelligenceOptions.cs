using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Intelligence;

/// <summary>Section <c>Intelligence:CategoryModel</c> (docs/intelligence.md).</summary>
public sealed class IntelligenceOptions
{
    public const string Section = "Intelligence:CategoryModel";

    /// <summary>The weekly retraining (cron, China time); empty turns it off. Default Monday 03:00.</summary>
    public string? RetrainCron { get; set; } = "0 3 * * 1";

    /// <summary>The share of the orders held out for the evaluation, chosen by the order's id so that it stays the same from one model to the next.</summary>
    [Range(0.05, 0.5)]
    public double HoldOutShare { get; set; } = 0.2;

    /// <summary>Fewest usable closed orders to train on.</summary>
    [Range(10, 1_000_000)]
    public int MinSamples { get; set; } = 50;

    /// <summary>The newest closed orders trained on at most.</summary>
    [Range(100, 2_000_000)]
    public int MaxSamples { get; set; } = 200_000;

    /// <summary>Add SmartCn words to the character n-grams (slower to train; see docs/intelligence.md for the comparison).</summary>
    public bool UseWords { get; set; }

    /// <summary>How often an API node looks for another active model.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A training still running after this long is taken as lost (its process died) and marked failed.</summary>
    public TimeSpan TrainingTimeout { get; set; } = TimeSpan.FromHours(2);
}
