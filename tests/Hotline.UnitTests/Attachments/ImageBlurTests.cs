using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Attachments;
using Shouldly;
using SkiaSharp;

namespace Hotline.UnitTests.Attachments;

/// <summary>打码 of chosen regions: the pixels inside a box change, every pixel outside stays exactly as it was.</summary>
public sealed class ImageBlurTests
{
    [Fact]
    public void Blur_Should_ChangeThePixelsInsideTheRegions_And_LeaveEveryOtherPixel_When_RegionsAreGiven()
    {
        using var source = Checkerboard(100, 80);
        BlurRegion[] regions = [new(0.1, 0.1, 0.3, 0.25), new(0.6, 0.5, 0.4, 0.5)];
        var boxes = regions.Select(r => ImageSanitizer.PixelRect(r, source.Width, source.Height)).ToArray();
        boxes[0].ShouldBe(new SKRectI(10, 8, 40, 28));
        boxes[1].ShouldBe(new SKRectI(60, 40, 100, 80));

        using var blurred = ImageSanitizer.Blur(source, regions);

        var changedInside = 0;
        var insideCount = 0;
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                var inside = boxes.Any(b => b.Contains(x, y));
                if (inside)
                {
                    insideCount++;
                    changedInside += blurred.GetPixel(x, y) != source.GetPixel(x, y) ? 1 : 0;
                }
                else
                {
                    blurred.GetPixel(x, y).ShouldBe(source.GetPixel(x, y), $"pixel ({x}, {y}) is outside every region");
                }
            }
        }

        changedInside.ShouldBe(insideCount, "every pixel of a black-and-white checkerboard turns grey under the blur");
    }

    [Fact]
    public void Blur_Should_ChangeTheWholeImage_When_NoRegionIsGiven()
    {
        using var source = Checkerboard(40, 40);

        using var blurred = ImageSanitizer.Blur(source, null);

        for (var y = 0; y < source.Height; y += 3)
        {
            for (var x = 0; x < source.Width; x += 3)
            {
                blurred.GetPixel(x, y).ShouldNotBe(source.GetPixel(x, y));
            }
        }
    }

    [Theory]
    [InlineData(0.0, 0.0, 1.0, 1.0, 0, 0, 7, 5)]
    [InlineData(0.5, 0.5, 0.01, 0.01, 3, 2, 4, 3)]
    [InlineData(0.99, 0.99, 0.01, 0.01, 6, 4, 7, 5)]
    public void PixelRect_Should_RoundTheEdgesOutwards_And_StayInsideTheImage(double x, double y, double w, double h, int left, int top, int right, int bottom)
    {
        ImageSanitizer.PixelRect(new BlurRegion(x, y, w, h), 7, 5).ShouldBe(new SKRectI(left, top, right, bottom));
    }

    /// <summary>Black and white squares of 2 px: a blur turns every pixel grey, so a pixel left untouched shows.</summary>
    private static SKBitmap Checkerboard(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, (x / 2 + y / 2) % 2 == 0 ? SKColors.Black : SKColors.White);
            }
        }

        return bitmap;
    }
}
