namespace Hotline.Contracts.Tickets;

/// <summary>
/// A file on an order (docs/attachments.md). <c>Kind</c> is Image, Pdf, Document or Audio, found in the bytes;
/// <c>Hidden</c> is only ever true for Admins, the only ones who still see a hidden file. <c>Blurred</c>: the image was
/// replaced by a blurred copy (打码替换); Admins can still read the original.
/// </summary>
public sealed record TicketAttachmentDto(
    Guid Id,
    string FileName,
    string ContentType,
    string Kind,
    long Size,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    bool Hidden,
    bool HasThumbnail,
    bool Blurred = false);
