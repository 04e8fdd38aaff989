using Hangfire;
using Hotline.Core.Features.Callbacks.SweepCallbackSurveys;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>
/// The recurring callback sweep (survey SMS, keypad calls, hand-over to people). No automatic retry: a failed run
/// is redone by the next one, and the sweep itself never sends a message twice.
/// </summary>
public sealed class CallbackSweepJob(IMediator mediator)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => mediator.Send(new SweepCallbackSurveys(), ct);
}
