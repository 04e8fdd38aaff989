namespace Hotline.Core.Features.Kpis;

/// <summary>A request over a period: both ends optional (the current month), <c>from ≤ to</c>, at most Kpis:MaxRangeDays.</summary>
public interface IPeriodRequest
{
    DateOnly? From { get; }

    DateOnly? To { get; }
}
