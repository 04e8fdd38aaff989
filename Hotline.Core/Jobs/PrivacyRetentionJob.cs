using Hangfire;
using Hotline.Core.Features.Privacy.RunRetention;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>Removes personal data of orders past the retention period (docs/privacy.md). Batched and idempotent; a killed run is finished by the next.</summary>
public sealed class PrivacyRetentionJob(IMediator mediator)
{
    public const string Id = "privacy-retention";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken ct) => mediator.Send(new RunRetention(), ct);
}
