namespace Hotline.Core.Features.Kpis;

/// <summary>The composite score's weights. Default: a split many centres use, 10 % response, 45 % resolution, 45 % satisfaction.</summary>
public sealed class ScoreWeights
{
    public double Response { get; set; } = 0.10;

    public double Resolution { get; set; } = 0.45;

    public double Satisfaction { get; set; } = 0.45;

    public double OnTimeReply { get; set; }
}
