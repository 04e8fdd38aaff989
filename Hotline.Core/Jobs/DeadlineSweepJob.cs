using Hangfire;
using Hotline.Core.Features.Deadlines;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>The recurring deadline sweep. Safe to run twice or in parallel; a failed run is simply redone by the next one.</summary>
public sealed class DeadlineSweepJob(IMediator mediator)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task RunAsync(CancellationToken ct) => mediator.Send(new SweepDeadlines(), ct);
}
