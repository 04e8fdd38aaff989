using Hangfire;
using Hotline.Core.Features.Deadlines.SweepDeadlines;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>
/// The recurring deadline sweep. Safe to run twice or in parallel, so it takes no distributed lock: a lock held
/// by a worker killed mid-run would stall every sweep until it expired. A failed run is redone by the next one.
/// </summary>
public sealed class DeadlineSweepJob(IMediator mediator)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => mediator.Send(new SweepDeadlines(), ct);
}
