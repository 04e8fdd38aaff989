namespace Hotline.Core.Features.Intelligence;

/// <summary>
/// Temperature scaling (Guo et al., "On calibration of modern neural networks", 2017) of a one-versus-all model's
/// scores: P(k | text) = exp(β·s_k) / Σ_j exp(β·s_j), with the one parameter β ≥ 0 fitted to minimise the log-loss of
/// texts of known category against Platt's smoothed targets (convex in β: Newton's method with a bounded step). Monotone in the score, so the most
/// likely category is the best-scored one; unlike a sigmoid per score, it never rounds the best few to the same value.
/// Deterministic: the same scores give the same β.
/// </summary>
public readonly record struct TemperatureScaling(double Beta)
{
    /// <summary>A β the fit never exceeds (with the smoothed targets, only near-equal scores of always-right texts come near it).</summary>
    public const double MaxBeta = 50;

    private const int MaxIterations = 100;

    public double[] Probabilities(ReadOnlySpan<double> scores)
    {
        var probabilities = new double[scores.Length];
        if (scores.Length == 0)
        {
            return probabilities;
        }

        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        double total = 0;
        for (var k = 0; k < scores.Length; k++)
        {
            probabilities[k] = Math.Exp(Beta * (scores[k] - max));
            total += probabilities[k];
        }

        for (var k = 0; k < scores.Length; k++)
        {
            probabilities[k] /= total;
        }

        return probabilities;
    }

    /// <summary>β for texts' scores (one row of category scores per text) and each text's category index in its row.</summary>
    public static TemperatureScaling Fit(IReadOnlyList<double[]> scores, IReadOnlyList<int> categories)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(categories.Count, scores.Count);
        // Platt's smoothed targets: a text's own category (n + 1) / (n + 2), the rest shared by the others, so texts that
        // are all scored right (n of them) ask for a confidence of (n + 1) / (n + 2), never certainty.
        var own = (scores.Count + 1.0) / (scores.Count + 2.0);
        var beta = 1.0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // L(β) = Σ log Σ_k exp(β s_k) − β Σ_k t_k s_k; L' = Σ E[s] − Σ_k t_k s_k; L'' = Σ Var[s] (the spread under P).
            double gradient = 0, curvature = 0;
            for (var i = 0; i < scores.Count; i++)
            {
                var p = new TemperatureScaling(beta).Probabilities(scores[i]);
                double mean = 0, square = 0;
                for (var k = 0; k < p.Length; k++)
                {
                    mean += p[k] * scores[i][k];
                    square += p[k] * scores[i][k] * scores[i][k];
                }

                double target = 0;
                for (var k = 0; k < p.Length; k++)
                {
                    target += (k == categories[i] ? own : (1 - own) / Math.Max(1, p.Length - 1)) * scores[i][k];
                }

                gradient += mean - target;
                curvature += Math.Max(0, square - (mean * mean));
            }

            var next = curvature > 1e-12 ? beta - (gradient / curvature) : gradient < 0 ? MaxBeta : 0;
            next = Math.Clamp(next, Math.Max(0, beta / 4), Math.Min(MaxBeta, (beta * 4) + 1));
            if (Math.Abs(next - beta) < 1e-6 * Math.Max(1, beta))
            {
                return new TemperatureScaling(next);
            }

            beta = next;
        }

        return new TemperatureScaling(beta);
    }
}
