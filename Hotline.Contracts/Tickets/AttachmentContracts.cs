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

/// <summary>
/// 打码替换 (<c>POST …/attachments/{id}/blur</c>): the parts of the image to blur, each a rectangle in fractions of
/// the image as it is shown (upright; 0,0 the top left corner, 1,1 the bottom right). Without regions (or an empty
/// list) the whole image is blurred.
/// </summary>
public sealed record BlurAttachmentRequest(IReadOnlyList<BlurRegion>? Regions);

/// <summary>A rectangle of an image in fractions of its width and height: <c>X + Width ≤ 1</c>, <c>Y + Height ≤ 1</c>.</summary>
public sealed record BlurRegion(double X, double Y, double Width, double Height);
