using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>
/// A file on an order (现场照片, a scan, a recording). The bytes live in the attachment store under their SHA-256
/// (<see cref="BlobKey"/>); the row only refers to them, so it is written after the blob and a blob no row refers to is an
/// orphan the cleanup job removes. A supervisor may hide a file: then only Admins list and download it.
/// </summary>
public sealed class TicketAttachment
{
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 100;
    public const int KeyLength = 64;

    private TicketAttachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        BlobKey = string.Empty;
        UploadedBy = string.Empty;
    }

    public TicketAttachment(Guid ticketId, string fileName, string contentType, long size, string blobKey, string? thumbnailKey, Actor uploader, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        TicketId = ticketId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        BlobKey = blobKey;
        ThumbnailKey = thumbnailKey;
        UploadedBy = uploader.UserName;
        UploadedByUserId = uploader.UserId;
        UploadedByUnitId = uploader.UnitId;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    /// <summary>The name the uploader gave, cleaned of paths and control characters; shown and offered on download.</summary>
    public string FileName { get; private set; }

    /// <summary>The type found in the bytes (never the declared one).</summary>
    public string ContentType { get; private set; }

    /// <summary>Bytes as stored (an image after re-encoding).</summary>
    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes: the blob's name in the store.</summary>
    public string BlobKey { get; private set; }

    /// <summary>The thumbnail's blob (images only).</summary>
    public string? ThumbnailKey { get; private set; }

    public string UploadedBy { get; private set; }

    public Guid? UploadedByUserId { get; private set; }

    /// <summary>The unit of a department uploader; null for the centre's staff.</summary>
    public Guid? UploadedByUnitId { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public string? HiddenBy { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    /// <summary>When a supervisor replaced the image by a blurred copy (打码替换); null for a file as uploaded.</summary>
    public DateTimeOffset? BlurredAt { get; private set; }

    public string? BlurredBy { get; private set; }

    /// <summary>The image as uploaded, kept for Admins only once <see cref="BlurredAt"/> is set.</summary>
    public string? OriginalBlobKey { get; private set; }

    public string? OriginalThumbnailKey { get; private set; }

    public bool IsBlurred => BlurredAt is not null;

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>
    /// Redaction by a blurred copy (打码替换): everyone who may see the file now gets <paramref name="blobKey"/>; the
    /// original stays under <see cref="OriginalBlobKey"/> for Admins. Once only: a second blur would lose the original.
    /// </summary>
    public void ReplaceByBlurred(string blobKey, string thumbnailKey, long size, Actor actor, DateTimeOffset at)
    {
        EnsureCanBeBlurred();

        (OriginalBlobKey, OriginalThumbnailKey) = (BlobKey, ThumbnailKey);
        (BlobKey, ThumbnailKey, Size) = (blobKey, thumbnailKey, size);
        BlurredAt = at;
        BlurredBy = actor.UserName;
    }

    /// <summary>Refuses a blur before any work is done: a file that is not an image, or one blurred already.</summary>
    public void EnsureCanBeBlurred()
    {
        if (!IsImage)
        {
            throw new DomainException("只有图片可以打码替换；其他文件请使用屏蔽。");
        }

        if (IsBlurred)
        {
            throw new DomainException("该图片已经打码替换过，原图仍只对管理员可见。");
        }
    }

    /// <summary>Ends a redaction by hiding (取消屏蔽): the file is listed and downloaded again as before.</summary>
    public void Unhide()
    {
        if (!IsHidden)
        {
            throw new DomainException("该附件未被屏蔽。");
        }

        HiddenAt = null;
        HiddenBy = null;
    }

    /// <summary>Redaction (屏蔽): from now on only Admins list and download the file.</summary>
    public void Hide(Actor actor, DateTimeOffset at)
    {
        if (IsHidden)
        {
            throw new DomainException("该附件已被屏蔽。");
        }

        HiddenAt = at;
        HiddenBy = actor.UserName;
    }
}
