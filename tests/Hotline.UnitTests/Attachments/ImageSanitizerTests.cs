using System.Text;
using Hotline.Core.Features.Attachments;
using Hotline.Tests.Shared;
using Shouldly;
using SkiaSharp;

namespace Hotline.UnitTests.Attachments;

/// <summary>Images are stored re-encoded: no EXIF or GPS left, the orientation applied to the pixels, a thumbnail made.</summary>
public sealed class ImageSanitizerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hotline-image-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sanitize_Should_RemoveExifAndGps_And_KeepTheOrientation_When_AJpegCarriesThem()
    {
        var original = TestFiles.JpegWithExif(width: 40, height: 20);
        using (var codec = SKCodec.Create(new MemoryStream(original)))
        {
            codec.EncodedOrigin.ShouldBe(SKEncodedOrigin.RightTop, "the test file really carries orientation 6");
        }

        Contains(original, TestFiles.CameraName).ShouldBeTrue("the test file really carries the camera name");
        Contains(original, "Exif").ShouldBeTrue();

        await using var upload = await SpoolAsync(original);
        await using var result = await ImageSanitizer.SanitizeAsync(upload, FileSniffer.Jpeg, _folder, thumbnailSize: 10, Ct);

        var stored = await File.ReadAllBytesAsync(result.Image.Path, Ct);
        result.Type.ShouldBe(FileSniffer.Jpeg);
        Contains(stored, "Exif").ShouldBeFalse("no EXIF block is written");
        Contains(stored, TestFiles.CameraName).ShouldBeFalse("the camera name is gone");
        using var codecAfter = SKCodec.Create(new MemoryStream(stored));
        codecAfter.EncodedOrigin.ShouldBe(SKEncodedOrigin.TopLeft);
        using var upright = SKBitmap.Decode(stored);
        upright.Width.ShouldBe(20, "turned 90° as the orientation said");
        upright.Height.ShouldBe(40);
        IsRed(upright.GetPixel(10, 5)).ShouldBeTrue($"the left (red) half is on top after a clockwise turn, got {upright.GetPixel(10, 5)}");
        IsBlue(upright.GetPixel(10, 35)).ShouldBeTrue($"the right (blue) half is at the bottom, got {upright.GetPixel(10, 35)}");

        using var thumbnail = SKBitmap.Decode(await File.ReadAllBytesAsync(result.Thumbnail.Path, Ct));
        thumbnail.Height.ShouldBe(10);
        thumbnail.Width.ShouldBe(5);
        result.Image.Sha256.ShouldNotBe(upload.Sha256);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public async Task Sanitize_Should_KeepTheFormat_When_AnImageIsPngOrWebP(SKEncodedImageFormat format)
    {
        await using var upload = await SpoolAsync(TestFiles.Image(format));
        using var content = upload.OpenRead();
        var type = FileSniffer.Sniff(content)!;

        await using var result = await ImageSanitizer.SanitizeAsync(upload, type, _folder, 320, Ct);

        result.Type.ShouldBe(type);
        using var decoded = SKBitmap.Decode(result.Image.Path);
        (decoded.Width, decoded.Height).ShouldBe((40, 20));
    }

    [Theory]
    [InlineData(SKEncodedOrigin.TopRight, 40, 20, 5, 10, false)]
    [InlineData(SKEncodedOrigin.BottomRight, 40, 20, 5, 10, false)]
    [InlineData(SKEncodedOrigin.BottomLeft, 40, 20, 5, 10, true)]
    [InlineData(SKEncodedOrigin.LeftTop, 20, 40, 10, 5, true)]
    [InlineData(SKEncodedOrigin.RightTop, 20, 40, 10, 5, true)]
    [InlineData(SKEncodedOrigin.RightBottom, 20, 40, 10, 5, false)]
    [InlineData(SKEncodedOrigin.LeftBottom, 20, 40, 10, 5, false)]
    public void Orient_Should_PlaceTheLeftHalf_When_TheOriginSaysSo(SKEncodedOrigin origin, int width, int height, int x, int y, bool redThere)
    {
        using var source = SKBitmap.Decode(TestFiles.Image(SKEncodedImageFormat.Png));

        using var upright = ImageSanitizer.Orient(source, origin);

        (upright.Width, upright.Height).ShouldBe((width, height));
        IsRed(upright.GetPixel(x, y)).ShouldBe(redThere, $"{origin} at ({x},{y}): {upright.GetPixel(x, y)}");
    }

    [Fact]
    public async Task Sanitize_Should_Refuse_When_AHeicCannotBeDecoded()
    {
        await using var upload = await SpoolAsync(TestFiles.HeicHead());

        var refused = await Should.ThrowAsync<UnsupportedAttachmentException>(() => ImageSanitizer.SanitizeAsync(upload, FileSniffer.Heic, _folder, 320, Ct));

        refused.Message.ShouldContain("HEIC");
        Directory.EnumerateFiles(_folder).Count().ShouldBe(1, "only the upload's own spool file is there: nothing half-written is left");
    }

    [Fact]
    public async Task Spool_Should_Refuse_When_TheUploadIsLargerThanTheLimit()
    {
        await Should.ThrowAsync<AttachmentTooLargeException>(() => SpooledFile.WriteAsync(new MemoryStream(new byte[1025]), "big.pdf", _folder, 1024, Ct));

        Directory.EnumerateFiles(_folder).ShouldBeEmpty("the partial spool file is deleted");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task<SpooledFile> SpoolAsync(byte[] bytes) => SpooledFile.WriteAsync(new MemoryStream(bytes), "photo.jpg", _folder, 10 * 1024 * 1024, Ct);

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    private static bool IsRed(SKColor c) => c.Red > 180 && c.Blue < 90;

    private static bool IsBlue(SKColor c) => c.Blue > 180 && c.Red < 90;
}
