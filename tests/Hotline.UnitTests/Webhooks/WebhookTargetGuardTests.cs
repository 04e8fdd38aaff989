using System.Net;
using Hotline.Core.Features.Webhooks;
using Shouldly;

namespace Hotline.UnitTests.Webhooks;

public sealed class WebhookTargetGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("ff02::1")]
    public void IsPublic_Should_BeFalse_When_TheAddressIsInside(string address) =>
        WebhookTargetGuard.IsPublic(IPAddress.Parse(address)).ShouldBeFalse(address);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("114.114.114.114")]
    [InlineData("2400:3200::1")]
    [InlineData("::ffff:8.8.4.4")]
    public void IsPublic_Should_BeTrue_When_TheAddressIsOnTheInternet(string address) =>
        WebhookTargetGuard.IsPublic(IPAddress.Parse(address)).ShouldBeTrue(address);

    [Theory]
    [InlineData("https://example.com/hooks", true)]
    [InlineData("http://example.com:8080/a?b=c", true)]
    [InlineData("ftp://example.com/", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("example.com/hooks", false)]
    [InlineData("https://u:p@example.com/", false)]
    [InlineData("https://example.com/#x", false)]
    [InlineData("", false)]
    public void ShapeError_Should_AllowOnlyPlainHttpAndHttps(string url, bool allowed) =>
        (WebhookTargetGuard.ShapeError(url) is null).ShouldBe(allowed, url);
}
