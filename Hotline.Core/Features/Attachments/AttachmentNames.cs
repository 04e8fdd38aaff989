using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Attachments;

/// <summary>The name a file is shown and downloaded under: no folders, no control characters, within the column.</summary>
public static class AttachmentNames
{
    public const string Fallback = "附件";

    /// <param name="stored">When the image was stored in another format (HEIC as JPEG), the extension follows it.</param>
    public static string Clean(string? name, SniffedType? stored = null)
    {
        var clean = new string((name ?? string.Empty).Replace('\\', '/').Split('/')[^1].Where(c => !char.IsControl(c)).ToArray()).Trim();
        var extension = Path.GetExtension(clean);
        var stem = extension.Length > 0 ? clean[..^extension.Length] : clean;
        if (stored is not null && !string.Equals(extension, stored.Extension, StringComparison.OrdinalIgnoreCase)
            && !(stored == FileSniffer.Jpeg && string.Equals(extension, ".jpeg", StringComparison.OrdinalIgnoreCase)))
        {
            extension = stored.Extension;
        }

        if (stem.Length == 0)
        {
            stem = Fallback;
        }

        extension = extension.Length > 16 ? string.Empty : extension;
        var room = TicketAttachment.MaxFileNameLength - extension.Length;
        return (stem.Length > room ? stem[..room] : stem) + extension;
    }
}
