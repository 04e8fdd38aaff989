namespace Hotline.Core.Features.Kpis;

/// <summary>A category in a street is a hot spot when this week's orders reach <see cref="MinCount"/> and <see cref="MinRatio"/> × the mean of the <see cref="PreviousWeeks"/> before.</summary>
public sealed class HotSpotOptions
{
    public int PreviousWeeks { get; set; } = 4;

    public int MinCount { get; set; } = 5;

    public double MinRatio { get; set; } = 2.0;

    /// <summary>Orders listed under each hot spot (the newest first).</summary>
    public int MaxOrdersListed { get; set; } = 50;
}
