using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Attachments;

/// <summary>
/// Who sees which files: whoever may see the order (the same unit scoping as the order's own reads), and a hidden file
/// only Admins. Anything else is 404, so a caller cannot learn that an order or a hidden file exists.
/// </summary>
public static class AttachmentAccess
{
    public static bool SeesHidden(Actor actor) => actor.IsInRole(Roles.Admin);

    /// <summary>The order's number; 404 when the actor may not see the order.</summary>
    public static async Task<string> VisibleTicketNumberAsync(HotlineDbContext db, Actor actor, Guid ticketId, CancellationToken ct) =>
        await db.Tickets.AsNoTracking().VisibleTo(actor).Where(t => t.Id == ticketId).Select(t => t.Number).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("工单", ticketId);

    /// <summary>One file of an order the actor may see; 404 when the order, the file or (for all but Admins) a hidden file.</summary>
    public static async Task<(TicketAttachment Attachment, string TicketNumber)> FindAsync(
        HotlineDbContext db, Actor actor, Guid ticketId, Guid attachmentId, bool track, CancellationToken ct)
    {
        var number = await VisibleTicketNumberAsync(db, actor, ticketId, ct);
        var query = track ? db.TicketAttachments : db.TicketAttachments.AsNoTracking();
        var attachment = await query.FirstOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId, ct);
        if (attachment is null || (attachment.IsHidden && !SeesHidden(actor)))
        {
            throw new NotFoundException("附件", attachmentId);
        }

        return (attachment, number);
    }

    public static TicketAttachmentDto ToDto(TicketAttachment a) =>
        new(a.Id, a.FileName, a.ContentType, SniffedType.KindOf(a.ContentType), a.Size, a.UploadedBy, a.UploadedAt, a.IsHidden, a.ThumbnailKey is not null, a.IsBlurred);
}
