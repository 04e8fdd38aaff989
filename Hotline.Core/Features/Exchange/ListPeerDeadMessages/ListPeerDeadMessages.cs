using Hotline.Contracts.Exchange;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange.ListPeerDeadMessages;

/// <summary>A peer's dead messages, newest first (at most 500), to choose which to queue again.</summary>
public sealed record ListPeerDeadMessages(Guid PeerId) : IRequest<IReadOnlyList<PeerDeadMessageDto>>;

public sealed class ListPeerDeadMessagesHandler(HotlineDbContext db) : IRequestHandler<ListPeerDeadMessages, IReadOnlyList<PeerDeadMessageDto>>
{
    public async Task<IReadOnlyList<PeerDeadMessageDto>> Handle(ListPeerDeadMessages request, CancellationToken cancellationToken)
    {
        if (!await db.PeerPlatforms.AnyAsync(p => p.Id == request.PeerId, cancellationToken))
        {
            throw new NotFoundException("对接平台", request.PeerId);
        }

        return await db.PeerMessages.AsNoTracking()
            .Where(m => m.PeerId == request.PeerId && m.Status == WebhookDeliveryStatus.Dead)
            .OrderByDescending(m => m.CreatedAt)
            .Take(500)
            .Select(m => new PeerDeadMessageDto(m.Id, m.Type, m.TicketId, m.TicketNumber, m.CreatedAt, m.Attempts, m.LastAttemptAt, m.LastStatusCode, m.LastError, m.DeadAt))
            .ToListAsync(cancellationToken);
    }
}
