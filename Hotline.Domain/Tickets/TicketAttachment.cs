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
