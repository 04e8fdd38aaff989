using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Attachments.ListAttachments;

public sealed record ListAttachments(Guid TicketId) : IRequest<IReadOnlyList<TicketAttachmentDto>>;

/// <summary>The order's files, oldest first; hidden ones only for Admins.</summary>
public sealed class ListAttachmentsHandler(HotlineDbContext db, ICurrentUser currentUser) : IRequestHandler<ListAttachments, IReadOnlyList<TicketAttachmentDto>>
{
    public async Task<IReadOnlyList<TicketAttachmentDto>> Handle(ListAttachments request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        await AttachmentAccess.VisibleTicketNumberAsync(db, actor, request.TicketId, cancellationToken);
        var seesHidden = AttachmentAccess.SeesHidden(actor);
        var rows = await db.TicketAttachments.AsNoTracking()
            .Where(a => a.TicketId == request.TicketId && (seesHidden || a.HiddenAt == null))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).Select(AttachmentAccess.ToDto).ToList();
    }
}
