using System.IO.Compression;
using System.Text;

namespace Hotline.Core.Features.Attachments;

/// <summary>What a file is, read from its bytes.</summary>
public sealed record SniffedType(string ContentType, string Extension)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>Image, Pdf, Document or Audio: what the console groups by.</summary>
    public string Kind => KindOf(ContentType);

    public static string KindOf(string contentType) => contentType switch
    {
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => "Image",
        _ when contentType.StartsWith("audio/", StringComparison.Ordinal) => "Audio",
        "application/pdf" => "Pdf",
        _ => "Document",
    };
}

/// <summary>
/// Type sniffing by magic numbers (docs/attachments.md): the file's own bytes decide, never its name or the type the
/// client declared, so a script renamed to photo.jpg is refused. A zip is accepted only as an Office Open XML document
/// (it carries <c>[Content_Types].xml</c> and a word/, xl/ or ppt/ part); any other zip, executable or text is not.
/// </summary>
public static class FileSniffer
{
    public const int HeadLength = 64;

    public static readonly SniffedType Jpeg = new("image/jpeg", ".jpg");
    public static readonly SniffedType Png = new("image/png", ".png");
    public static readonly SniffedType WebP = new("image/webp", ".webp");
    public static readonly SniffedType Heic = new("image/heic", ".heic");
    public static readonly SniffedType Pdf = new("application/pdf", ".pdf");
    public static readonly SniffedType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly SniffedType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly SniffedType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly SniffedType LegacyOffice = new("application/vnd.ms-office", ".doc");
    public static readonly SniffedType Mp3 = new("audio/mpeg", ".mp3");
    public static readonly SniffedType Wav = new("audio/wav", ".wav");
    public static readonly SniffedType Amr = new("audio/amr", ".amr");
    public static readonly SniffedType M4a = new("audio/mp4", ".m4a");

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];
    private static readonly string[] AudioMp4Brands = ["M4A ", "M4B "];

    /// <summary>The type of a seekable stream (left at its start), or null when it is none of the allowed ones.</summary>
    public static SniffedType? Sniff(Stream content)
    {
        var head = new byte[HeadLength];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var type = SniffHead(head.AsSpan(0, read));
        if (type is null && IsZip(head.AsSpan(0, read)))
        {
            type = SniffOfficeOpenXml(content);
            content.Position = 0;
        }

        return type;
    }

    /// <summary>Everything that the first bytes decide; a zip needs <see cref="Sniff"/>, which looks inside.</summary>
    public static SniffedType? SniffHead(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith(PngSignature))
        {
            return Png;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            return head[8..12].SequenceEqual("WEBP"u8) ? WebP : head[8..12].SequenceEqual("WAVE"u8) ? Wav : null;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return HeifBrands.Contains(brand) ? Heic : AudioMp4Brands.Contains(brand) ? M4a : null;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith(OleSignature))
        {
            return LegacyOffice;
        }

        if (head.StartsWith("#!AMR"u8))
        {
            return Amr;
        }

        // MP3: an ID3v2 tag, or an MPEG-1/2 layer III frame header (11 sync bits, layer bits 01).
        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && ((head[1] >> 1) & 0x03) == 0x01))
        {
            return Mp3;
        }

        return null;
    }

    private static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]);

    private static SniffedType? SniffOfficeOpenXml(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
            {
                return null;
            }

            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? Xlsx
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
