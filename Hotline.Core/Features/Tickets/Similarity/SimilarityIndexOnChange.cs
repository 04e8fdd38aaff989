using Hotline.Core.Data;
using MediatR;

namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>A change saved on this node is applied to its index before the request that saved it answers (other nodes poll).</summary>
public sealed class SimilarityIndexOnChange(TicketSimilarityIndexSync sync) : INotificationHandler<TicketChangeSaved>
{
    public Task Handle(TicketChangeSaved notification, CancellationToken cancellationToken) =>
        notification.Sequence > sync.Watermark ? sync.CatchUpAsync(cancellationToken) : Task.CompletedTask;
}
