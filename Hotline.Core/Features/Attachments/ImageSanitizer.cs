using Hotline.Contracts.Tickets;
using SkiaSharp;

namespace Hotline.Core.Features.Attachments;

/// <summary>An image as it is stored: re-encoded without metadata, and its thumbnail.</summary>
public sealed record SanitizedImage(SpooledFile Image, SniffedType Type, SpooledFile Thumbnail) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Image.DisposeAsync();
        await Thumbnail.DisposeAsync();
    }
}

/// <summary>
/// Images are decoded and encoded again (docs/attachments.md): the encoder writes pixels only, so EXIF, GPS, XMP and any
/// name a camera or editor left in the file are gone. The EXIF orientation is applied to the pixels first, so a photo
/// taken on its side still shows upright. HEIC, which this build of Skia may not decode, is stored as JPEG when it can
/// be decoded and refused otherwise: an image that cannot be cleaned is not kept.
/// </summary>
public static class ImageSanitizer
{
    /// <summary>Larger images are refused: a small file can decode to gigabytes (a decompression bomb).</summary>
    public const long MaxPixels = 50_000_000;

    private const int Quality = 90;
    private const int ThumbnailQuality = 80;

    public static async Task<SanitizedImage> SanitizeAsync(SpooledFile upload, SniffedType type, string directory, int thumbnailSize, CancellationToken ct)
    {
        using var bitmap = DecodeUpright(upload, type);
        var stored = type == FileSniffer.Png ? FileSniffer.Png : type == FileSniffer.WebP ? FileSniffer.WebP : FileSniffer.Jpeg;
        var format = stored == FileSniffer.Png ? SKEncodedImageFormat.Png : stored == FileSniffer.WebP ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg;

        return await WriteWithThumbnailAsync(bitmap, format, stored, directory, upload.FileName, thumbnailSize, ct);
    }

    /// <summary>
    /// A blurred copy of a stored image (打码替换) and its thumbnail, in the stored image's format. The blur is strong
    /// enough that faces, plates and handwriting cannot be read: its radius grows with the image (1/30 of its longer
    /// side, at least 12 pixels). With <paramref name="regions"/> only those rectangles are blurred (each pixel they
    /// touch, rounded outwards) and every other pixel is copied as it is; without, the whole image.
    /// </summary>
    public static async Task<SanitizedImage> BlurAsync(
        SpooledFile stored, SniffedType type, string directory, int thumbnailSize, CancellationToken ct, IReadOnlyList<BlurRegion>? regions = null)
    {
        using var bitmap = DecodeUpright(stored, type);
        using var blurred = Blur(bitmap, regions);
        var format = type == FileSniffer.Png ? SKEncodedImageFormat.Png : type == FileSniffer.WebP ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg;
        return await WriteWithThumbnailAsync(blurred, format, type, directory, stored.FileName, thumbnailSize, ct);
    }

    /// <summary>The pixels of <paramref name="bitmap"/> with the regions (or, without any, the whole image) blurred.</summary>
    public static SKBitmap Blur(SKBitmap bitmap, IReadOnlyList<BlurRegion>? regions)
    {
        var sigma = Math.Max(12f, Math.Max(bitmap.Width, bitmap.Height) / 30f);
        var blurred = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(blurred);
        using var filter = SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { ImageFilter = filter };
        using var source = SKImage.FromBitmap(bitmap);
        var sampling = new SKSamplingOptions(SKFilterMode.Nearest);
        canvas.Clear(SKColors.Transparent);
        if (regions is not { Count: > 0 })
        {
            canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
            return blurred;
        }

        canvas.DrawImage(source, 0, 0, sampling, null);
        foreach (var region in regions)
        {
            var rect = PixelRect(region, bitmap.Width, bitmap.Height);
            if (rect.IsEmpty)
            {
                continue;
            }

            // Blurred from the whole image (so the edge of a region does not fade to transparent), drawn inside it only.
            canvas.Save();
            canvas.ClipRect(rect, SKClipOperation.Intersect, antialias: false);
            canvas.DrawImage(source, 0, 0, sampling, paint);
            canvas.Restore();
        }

        return blurred;
    }

    /// <summary>The pixels a normalised rectangle touches: its edges rounded outwards, clipped to the image.</summary>
    public static SKRectI PixelRect(BlurRegion region, int width, int height)
    {
        var left = Math.Clamp((int)Math.Floor(region.X * width), 0, width);
        var top = Math.Clamp((int)Math.Floor(region.Y * height), 0, height);
        var right = Math.Clamp((int)Math.Ceiling((region.X + region.Width) * width), left, width);
        var bottom = Math.Clamp((int)Math.Ceiling((region.Y + region.Height) * height), top, height);
        return new SKRectI(left, top, right, bottom);
    }

    /// <summary>The image in <paramref name="format"/> and its JPEG thumbnail, both spooled in <paramref name="directory"/>.</summary>
    private static async Task<SanitizedImage> WriteWithThumbnailAsync(
        SKBitmap bitmap, SKEncodedImageFormat format, SniffedType type, string directory, string fileName, int thumbnailSize, CancellationToken ct)
    {
        var image = await WriteAsync(bitmap, format, Quality, directory, fileName, ct);
        try
        {
            using var small = Thumbnail(bitmap, thumbnailSize);
            var thumbnail = await WriteAsync(small, SKEncodedImageFormat.Jpeg, ThumbnailQuality, directory, fileName, ct);
            return new SanitizedImage(image, type, thumbnail);
        }
        catch
        {
            await image.DisposeAsync();
            throw;
        }
    }

    private static SKBitmap DecodeUpright(SpooledFile upload, SniffedType type)
    {
        using var stream = upload.OpenRead();
        using var codec = SKCodec.Create(stream);
        if (codec is null)
        {
            throw new UnsupportedAttachmentException(type == FileSniffer.Heic
                ? "服务器无法解码该 HEIC 图片，请转换为 JPEG 后再上传。(This HEIC image cannot be decoded here.)"
                : "图片已损坏或无法解码，未保存。(The image cannot be decoded.)");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > MaxPixels)
        {
            throw new UnsupportedAttachmentException($"图片尺寸过大（{width}×{height}），请缩小后再上传。(The image has too many pixels.)");
        }

        var decoded = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            decoded.Dispose();
            throw new UnsupportedAttachmentException("图片已损坏或无法解码，未保存。(The image cannot be decoded.)");
        }

        var origin = codec.EncodedOrigin;
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return decoded;
        }

        using (decoded)
        {
            return Orient(decoded, origin);
        }
    }

    /// <summary>Draws the pixels as the EXIF orientation says they are to be seen.</summary>
    internal static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };

        var upright = new SKBitmap(new SKImageInfo(swaps ? source.Height : source.Width, swaps ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return upright;
    }

    private static SKBitmap Thumbnail(SKBitmap source, int size)
    {
        var scale = Math.Min(1.0, (double)size / Math.Max(source.Width, source.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        var thumbnail = new SKBitmap(info);
        using var canvas = new SKCanvas(thumbnail);
        // JPEG has no transparency: a transparent PNG's thumbnail is shown on white.
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, info.Width, info.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return thumbnail;
    }

    private static async Task<SpooledFile> WriteAsync(SKBitmap bitmap, SKEncodedImageFormat format, int quality, string directory, string fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using (var image = SKImage.FromBitmap(bitmap))
            using (var data = image.Encode(format, quality) ?? throw new UnsupportedAttachmentException("图片无法重新编码，未保存。(The image cannot be encoded.)"))
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await data.AsStream().CopyToAsync(file, ct);
            }

            return await SpooledFile.FromFileAsync(path, fileName, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
