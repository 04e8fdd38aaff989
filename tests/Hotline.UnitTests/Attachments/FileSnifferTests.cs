using System.Text;
using Hotline.Core.Features.Attachments;
using Hotline.Tests.Shared;
using Shouldly;
using SkiaSharp;

namespace Hotline.UnitTests.Attachments;

/// <summary>Type sniffing (docs/attachments.md): each allowed type by its bytes, and the refusals whatever the name says.</summary>
public sealed class FileSnifferTests
{
    public static TheoryData<string, byte[], string> Allowed() => new()
    {
        { "jpeg", TestFiles.Image(SKEncodedImageFormat.Jpeg), "image/jpeg" },
        { "png", TestFiles.Image(SKEncodedImageFormat.Png), "image/png" },
        { "webp", TestFiles.Image(SKEncodedImageFormat.Webp), "image/webp" },
        { "heic", TestFiles.HeicHead(), "image/heic" },
        { "pdf", TestFiles.Pdf(), "application/pdf" },
        { "docx", TestFiles.Zip("word/document.xml"), FileSniffer.Docx.ContentType },
        { "xlsx", TestFiles.Zip("xl/workbook.xml"), FileSniffer.Xlsx.ContentType },
        { "pptx", TestFiles.Zip("ppt/presentation.xml"), FileSniffer.Pptx.ContentType },
        { "legacy office", TestFiles.LegacyOffice(), "application/vnd.ms-office" },
        { "mp3 with ID3", TestFiles.Mp3WithTag(), "audio/mpeg" },
        { "mp3 frame", TestFiles.Mp3Frame(), "audio/mpeg" },
        { "wav", TestFiles.Wav(), "audio/wav" },
        { "amr", TestFiles.Amr(), "audio/amr" },
        { "m4a", TestFiles.M4a(), "audio/mp4" },
    };

    public static TheoryData<string, byte[]> Refused() => new()
    {
        { "shell script", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /\n") },
        { "windows executable", [.. "MZ"u8, 0x90, 0x00, .. new byte[60]] },
        { "linux executable", [0x7F, .. "ELF"u8, 2, 1, 1, .. new byte[57]] },
        { "html", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>") },
        { "gif", [.. "GIF89a"u8, .. new byte[20]] },
        { "mp4 video", [0, 0, 0, 0x18, .. "ftypisom"u8, .. new byte[16]] },
        { "plain zip", TestFiles.Zip("payload.exe", contentTypes: false) },
        { "zip with content types but no office part", TestFiles.Zip("other/part.xml") },
        { "broken zip", [0x50, 0x4B, 0x03, 0x04, .. new byte[40]] },
        { "riff avi", [.. "RIFF"u8, 0, 0, 0, 0, .. "AVI "u8, .. new byte[16]] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Sniff_Should_FindTheType_When_TheBytesAreOfAnAllowedFormat(string label, byte[] bytes, string expected)
    {
        using var stream = new MemoryStream(bytes);

        var type = FileSniffer.Sniff(stream);

        type.ShouldNotBeNull(label);
        type.ContentType.ShouldBe(expected, label);
        stream.Position.ShouldBe(0, "the stream is left at its start for whoever reads it next");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Sniff_Should_ReturnNull_When_TheBytesAreOfNoAllowedFormat(string label, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);

        FileSniffer.Sniff(stream).ShouldBeNull(label);
    }

    [Fact]
    public void Kind_Should_GroupTypes_When_TheConsoleShowsThem()
    {
        FileSniffer.Jpeg.Kind.ShouldBe("Image");
        FileSniffer.Pdf.Kind.ShouldBe("Pdf");
        FileSniffer.Docx.Kind.ShouldBe("Document");
        FileSniffer.Amr.Kind.ShouldBe("Audio");
    }

    [Theory]
    [InlineData("现场照片.jpg", null, "现场照片.jpg")]
    [InlineData("C:\\Users\\王\\Desktop\\整改.pdf", null, "整改.pdf")]
    [InlineData("../../etc/passwd", null, "passwd")]
    [InlineData("a\u0000b\r\n.docx", null, "ab.docx")]
    [InlineData("", null, "附件")]
    [InlineData("IMG_0001.HEIC", "jpeg", "IMG_0001.jpg")]
    [InlineData("photo.jpeg", "jpeg", "photo.jpeg")]
    [InlineData("screen", "png", "screen.png")]
    public void Clean_Should_KeepOnlyASafeName_When_TheClientSendsAnyName(string name, string? stored, string expected)
    {
        var type = stored switch { "jpeg" => FileSniffer.Jpeg, "png" => FileSniffer.Png, _ => null };

        AttachmentNames.Clean(name, type).ShouldBe(expected);
    }

    [Fact]
    public void Clean_Should_ClipTheStemAndKeepTheExtension_When_TheNameIsTooLong()
    {
        var clean = AttachmentNames.Clean(new string('长', 300) + ".pdf");

        clean.Length.ShouldBe(Hotline.Domain.Tickets.TicketAttachment.MaxFileNameLength);
        clean.ShouldEndWith(".pdf");
    }
}
