using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Kpis;

/// <summary>Section <c>Kpis</c>: how the three rates are weighted and what counts as a hot spot (docs/kpis.md).</summary>
public sealed class KpiOptions : IValidatableObject
{
    public const string Section = "Kpis";

    /// <summary>How much a 基本满意 (basically satisfied) callback counts in the satisfaction rate, 0–1.</summary>
    [Range(0.0, 1.0)]
    public double BasicallySatisfiedWeight { get; set; } = 1.0;

    /// <summary>The weights of the composite score; they need not add up to 1 (the score divides by their sum).</summary>
    public ScoreWeights Weights { get; set; } = new();

    /// <summary>The longest period one request may cover, in days.</summary>
    [Range(1, 3660)]
    public int MaxRangeDays { get; set; } = 366;

    public HotSpotOptions HotSpots { get; set; } = new();

    public HonorRollOptions HonorRoll { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var w = Weights;
        double[] all = [w.Response, w.Resolution, w.Satisfaction, w.OnTimeReply];
        if (all.Any(x => x < 0 || double.IsNaN(x) || double.IsInfinity(x)) || all.Sum() <= 0)
        {
            yield return new ValidationResult("Kpis:Weights must be zero or positive, and at least one must be positive.", [nameof(Weights)]);
        }

        var r = HonorRoll;
        if (r.MinDispatched < 0 || r.RedCount is < 1 or > 100 || r.YellowBottomCount is < 0 or > 100 || r.PreviousMonthUntilDay is < 0 or > 28
            || r.RedMinScore is < 0 or > 100 || r.YellowBelowScore is < 0 or > 100 || r.YellowBelowScore > r.RedMinScore)
        {
            yield return new ValidationResult(
                "Kpis:HonorRoll: MinDispatched ≥ 0, RedCount 1–100, YellowBottomCount 0–100, PreviousMonthUntilDay 0–28, scores 0–100 with YellowBelowScore ≤ RedMinScore.",
                [nameof(HonorRoll)]);
        }

        var h = HotSpots;
        if (h.PreviousWeeks is < 1 or > 26)
        {
            yield return new ValidationResult("Kpis:HotSpots:PreviousWeeks must be 1–26.", [nameof(HotSpots)]);
        }

        if (h.MinCount < 1)
        {
            yield return new ValidationResult("Kpis:HotSpots:MinCount must be at least 1.", [nameof(HotSpots)]);
        }

        if (h.MinRatio < 1 || double.IsNaN(h.MinRatio) || double.IsInfinity(h.MinRatio))
        {
            yield return new ValidationResult("Kpis:HotSpots:MinRatio must be at least 1 (this week against the mean of the previous weeks).", [nameof(HotSpots)]);
        }

        if (h.MaxOrdersListed is < 1 or > 1000)
        {
            yield return new ValidationResult("Kpis:HotSpots:MaxOrdersListed must be 1–1000.", [nameof(HotSpots)]);
        }
    }
}
