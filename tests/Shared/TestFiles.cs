using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Hotline.Tests.Shared;

/// <summary>
/// Small files of every allowed type, made in the test: a JPEG carrying EXIF (camera name, GPS position and an
/// orientation), Office documents as real zips, and the magic numbers of the other formats.
/// </summary>
public static class TestFiles
{
    /// <summary>The camera name written into the EXIF block; it must not survive re-encoding.</summary>
    public const string CameraName = "HotlineTestCam";

    /// <summary>A <paramref name="width"/>×<paramref name="height"/> image: the left half red, the right half blue.</summary>
    public static byte[] Image(SKEncodedImageFormat format, int width = 40, int height = 20)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG whose APP1 segment holds EXIF with the camera name, a GPS latitude (39°54'N) and orientation 6 (to be
    /// turned 90° clockwise for display): decoded upright it is <paramref name="height"/> wide, red on top.
    /// </summary>
    public static byte[] JpegWithExif(int width = 40, int height = 20)
    {
        var jpeg = Image(SKEncodedImageFormat.Jpeg, width, height);
        var tiff = ExifTiff();
        var app1 = new byte[4 + 6 + tiff.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(app1.AsSpan(4));
        tiff.CopyTo(app1.AsSpan(10));

        // Right after SOI (FF D8), before whatever segments the encoder wrote.
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    private static byte[] ExifTiff()
    {
        var tiff = new byte[120];
        var s = tiff.AsSpan();
        "II"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);

        // IFD0 at 8: Make, Orientation, GPS IFD pointer (sorted by tag).
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], 3);
        Entry(s[10..], 0x010F, 2, 15, 50);
        Entry(s[22..], 0x0112, 3, 1, 6);
        Entry(s[34..], 0x8825, 4, 1, 66);
        BinaryPrimitives.WriteUInt32LittleEndian(s[46..], 0);
        Encoding.ASCII.GetBytes(CameraName + "\0").CopyTo(s[50..]);

        // GPS IFD at 66: latitude ref "N", latitude 39/1 54/1 0/1.
        BinaryPrimitives.WriteUInt16LittleEndian(s[66..], 2);
        Entry(s[68..], 0x0001, 2, 2, 'N');
        Entry(s[80..], 0x0002, 5, 3, 96);
        BinaryPrimitives.WriteUInt32LittleEndian(s[92..], 0);
        uint[] rationals = [39, 1, 54, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(96 + i * 4)..], rationals[i]);
        }

        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    /// <summary>An Office Open XML package with the given part (word/document.xml, xl/workbook.xml, …), or a plain zip without <c>[Content_Types].xml</c>.</summary>
    public static byte[] Zip(string part, bool contentTypes = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (contentTypes)
            {
                Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            Write(zip, part, "<?xml version=\"1.0\"?><root/>");
        }

        return buffer.ToArray();
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] LegacyOffice() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    public static byte[] Mp3WithTag() => [.. "ID3"u8, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, .. new byte[32]];

    public static byte[] Mp3Frame() => [0xFF, 0xFB, 0x90, 0x64, .. new byte[412]];

    public static byte[] Wav() => [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8, .. new byte[24]];

    public static byte[] Amr() => [.. "#!AMR\n"u8, 0x3C, .. new byte[31]];

    public static byte[] M4a() => [0, 0, 0, 0x20, .. "ftypM4A "u8, 0, 0, 0, 0, .. "M4A mp42isom"u8, .. new byte[8]];

    /// <summary>The head of a HEIC file; no image data follows, so no decoder can decode it.</summary>
    public static byte[] HeicHead() => [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[16]];

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
