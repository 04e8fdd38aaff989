using QRCoder;

namespace Hotline.Core.Features.Users.TwoFactor;

/// <summary>The enrolment URI as an SVG QR code the console shows inline (no image service, nothing leaves the server).</summary>
public static class QrCodeSvg
{
    public static string Render(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
