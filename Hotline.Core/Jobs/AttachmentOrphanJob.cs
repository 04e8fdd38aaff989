using Hangfire;
using Hotline.Core.Features.Attachments.CleanAttachmentOrphans;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>Removes attachment blobs no row refers to (docs/attachments.md). Idempotent.</summary>
public sealed class AttachmentOrphanJob(IMediator mediator)
{
    public const string Id = "attachment-orphans";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken ct) => mediator.Send(new CleanAttachmentOrphans(), ct);
}
