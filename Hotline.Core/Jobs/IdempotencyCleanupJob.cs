using Hangfire;
using Hotline.Core.Features.Common.Idempotency;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>Forgets Idempotency-Key answers past their retention (docs/integration.md). Idempotent.</summary>
public sealed class IdempotencyCleanupJob(IMediator mediator)
{
    public const string Id = "idempotency-cleanup";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken ct) => mediator.Send(new ForgetExpiredIdempotencyKeys(), ct);
}
