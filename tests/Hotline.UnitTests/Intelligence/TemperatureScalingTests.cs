using Hotline.Core.Features.Intelligence;
using Shouldly;

namespace Hotline.UnitTests.Intelligence;

public sealed class TemperatureScalingTests
{
    [Fact]
    public void Probabilities_Should_BeASoftmaxAtTheTemperature()
    {
        var p = new TemperatureScaling(2).Probabilities([1, 0, -1]);

        // exp(2), exp(0), exp(-2) over their sum.
        var total = Math.Exp(2) + 1 + Math.Exp(-2);
        p.ShouldBe([Math.Exp(2) / total, 1 / total, Math.Exp(-2) / total], tolerance: 1e-12);
        new TemperatureScaling(0).Probabilities([5, -5]).ShouldBe([0.5, 0.5]);
        new TemperatureScaling(TemperatureScaling.MaxBeta).Probabilities([1000, 999]).Sum().ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Fit_Should_MatchTheConfidenceOfTheScores_To_HowOftenTheyAreRight()
    {
        // Two categories, the right one scored 1 above the other, 4 texts: Platt's targets are 5/6 for a text's own
        // category and 1/6 for the other, so softmax(β · 1) must equal the mean target of the first category.
        double[][] scores = [[1, 0], [1, 0], [1, 0], [1, 0]];

        // Right 3 times in 4: (3 × 5/6 + 1/6) / 4 = 2/3 → β = ln 2.
        var fitted = TemperatureScaling.Fit(scores, [0, 0, 0, 1]);
        fitted.Beta.ShouldBe(Math.Log(2), 1e-6);
        TemperatureScaling.Fit(scores, [0, 0, 0, 1]).ShouldBe(fitted);

        // Always right: 5/6, not certainty → β = ln 5.
        TemperatureScaling.Fit(scores, [0, 0, 0, 0]).Beta.ShouldBe(Math.Log(5), 1e-6);

        // Right half the time: no confidence at all.
        TemperatureScaling.Fit(scores, [0, 1, 0, 1]).Beta.ShouldBe(0, 1e-6);
    }
}
