using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Attachments.UploadAttachments;

/// <summary>Files already spooled by the endpoint (so a retried attempt can read them again); the caller disposes them.</summary>
public sealed record UploadAttachments(Guid TicketId, IReadOnlyList<SpooledFile> Files) : IRequest<IReadOnlyList<TicketAttachmentDto>>;

/// <summary>All or nothing, through <see cref="AttachmentBatch"/>: checked and cleaned, blobs stored, then the rows committed.</summary>
public sealed class UploadAttachmentsHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, IAttachmentStore store, IOptions<AttachmentOptions> options)
    : IRequestHandler<UploadAttachments, IReadOnlyList<TicketAttachmentDto>>
{
    public async Task<IReadOnlyList<TicketAttachmentDto>> Handle(UploadAttachments request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var limits = options.Value;
        await AttachmentAccess.VisibleTicketNumberAsync(db, actor, request.TicketId, cancellationToken);

        var existing = await db.TicketAttachments.CountAsync(a => a.TicketId == request.TicketId, cancellationToken);
        if (existing + request.Files.Count > limits.MaxFilesPerOrder)
        {
            throw new DomainException($"每个工单最多 {limits.MaxFilesPerOrder} 个附件，已有 {existing} 个。");
        }

        await using var batch = await AttachmentBatch.PrepareAsync(store, request.Files, limits, cancellationToken);
        await batch.PutAsync(cancellationToken);
        var rows = batch.AddRows(db, request.TicketId, actor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(AttachmentAccess.ToDto).ToList();
    }
}
