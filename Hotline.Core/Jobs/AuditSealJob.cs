using Hangfire;
using Hotline.Core.Features.Audit.SealAuditChain;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>Seals the audit entries written since the last run into the hash chain (docs/privacy.md). Idempotent; a failed run is redone by the next.</summary>
public sealed class AuditSealJob(IMediator mediator)
{
    public const string Id = "audit-seal";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => mediator.Send(new SealAuditChain(), ct);
}
