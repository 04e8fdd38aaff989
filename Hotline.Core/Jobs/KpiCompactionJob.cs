using Hangfire;
using Hotline.Core.Features.Kpis.Counts.CompactKpiCounts;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>Folds the incrementally written measure rows of recent days (docs/kpis.md). Idempotent; a failed run is redone by the next.</summary>
public sealed class KpiCompactionJob(IMediator mediator)
{
    public const string Id = "kpi-compaction";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => mediator.Send(new CompactKpiCounts(), ct);
}
