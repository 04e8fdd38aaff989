using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Attachments.UploadAttachments;

/// <summary>Files already spooled by the endpoint (so a retried attempt can read them again); the caller disposes them.</summary>
public sealed record UploadAttachments(Guid TicketId, IReadOnlyList<SpooledFile> Files) : IRequest<IReadOnlyList<TicketAttachmentDto>>;

/// <summary>
/// All or nothing: every file is checked by its bytes and images are cleaned before anything is stored; then the blobs
/// are put in the store and only after that the rows are committed, so a row never names a missing blob (a failed commit
/// leaves orphans, which the cleanup job removes).
/// </summary>
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

        var prepared = new List<Prepared>();
        try
        {
            foreach (var file in request.Files)
            {
                prepared.Add(await PrepareAsync(file, limits, cancellationToken));
            }

            var now = time.GetUtcNow();
            var rows = new List<TicketAttachment>();
            foreach (var item in prepared)
            {
                await store.PutAsync(item.Stored, cancellationToken);
                if (item.Image is { } image)
                {
                    await store.PutAsync(image.Thumbnail, cancellationToken);
                }

                var row = new TicketAttachment(
                    request.TicketId, item.FileName, item.Type.ContentType, item.Stored.Length, item.Stored.Sha256, item.Image?.Thumbnail.Sha256, actor, now);
                db.TicketAttachments.Add(row);
                rows.Add(row);
            }

            await db.SaveChangesAsync(cancellationToken);
            return rows.Select(AttachmentAccess.ToDto).ToList();
        }
        finally
        {
            foreach (var item in prepared)
            {
                if (item.Image is { } image)
                {
                    await image.DisposeAsync();
                }
            }
        }
    }

    private async Task<Prepared> PrepareAsync(SpooledFile file, AttachmentOptions limits, CancellationToken ct)
    {
        SniffedType? type;
        await using (var content = file.OpenRead())
        {
            type = FileSniffer.Sniff(content);
        }

        if (type is null)
        {
            throw new UnsupportedAttachmentException(
                $"“{AttachmentNames.Clean(file.FileName)}”不是允许的文件类型（按文件内容判断）：仅接受 JPEG/PNG/WebP/HEIC 图片、PDF、Office 文档和 MP3/WAV/AMR/M4A 音频。");
        }

        if (!type.IsImage)
        {
            return new Prepared(file, type, AttachmentNames.Clean(file.FileName), null);
        }

        var image = await ImageSanitizer.SanitizeAsync(file, type, store.SpoolDirectory, limits.ThumbnailSize, ct);
        return new Prepared(image.Image, image.Type, AttachmentNames.Clean(file.FileName, image.Type), image);
    }

    private sealed record Prepared(SpooledFile Stored, SniffedType Type, string FileName, SanitizedImage? Image);
}
