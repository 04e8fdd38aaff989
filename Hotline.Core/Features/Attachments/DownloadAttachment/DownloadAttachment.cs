using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Attachments.DownloadAttachment;

/// <summary>A file's bytes to send; the caller disposes the stream.</summary>
public sealed record AttachmentContent(Stream Content, string ContentType, string? FileName);

public sealed record DownloadAttachment(Guid TicketId, Guid AttachmentId) : IRequest<AttachmentContent>;

/// <summary>
/// A download is a read of what a citizen sent: every one leaves one audit entry, written before the first byte goes
/// out (the entry is the request's only write, one insert). A file whose blob is missing answers 404 and leaves none.
/// </summary>
public sealed class DownloadAttachmentHandler(HotlineDbContext db, ICurrentUser currentUser, IAttachmentStore store, AuditLog audit)
    : IRequestHandler<DownloadAttachment, AttachmentContent>
{
    public async Task<AttachmentContent> Handle(DownloadAttachment request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var (attachment, number) = await AttachmentAccess.FindAsync(db, actor, request.TicketId, request.AttachmentId, track: false, cancellationToken);
        var content = await store.OpenReadAsync(attachment.BlobKey, cancellationToken) ?? throw new NotFoundException("附件内容", attachment.Id);
        try
        {
            audit.Add(AuditActions.AttachmentDownloaded, $"下载工单 {number} 的附件 {attachment.FileName}", "TicketAttachment", attachment.Id.ToString(), attachment.TicketId);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        return new AttachmentContent(content, attachment.ContentType, attachment.FileName);
    }
}

public sealed record GetAttachmentThumbnail(Guid TicketId, Guid AttachmentId) : IRequest<AttachmentContent>;

/// <summary>An image's thumbnail for the console's list, with the same rights as the file (not audited: it is the list's preview).</summary>
public sealed class GetAttachmentThumbnailHandler(HotlineDbContext db, ICurrentUser currentUser, IAttachmentStore store)
    : IRequestHandler<GetAttachmentThumbnail, AttachmentContent>
{
    public async Task<AttachmentContent> Handle(GetAttachmentThumbnail request, CancellationToken cancellationToken)
    {
        var (attachment, _) = await AttachmentAccess.FindAsync(db, currentUser.Actor, request.TicketId, request.AttachmentId, track: false, cancellationToken);
        var content = attachment.ThumbnailKey is { } key ? await store.OpenReadAsync(key, cancellationToken) : null;
        return content is null
            ? throw new NotFoundException("缩略图", attachment.Id)
            : new AttachmentContent(content, FileSniffer.Jpeg.ContentType, null);
    }
}
