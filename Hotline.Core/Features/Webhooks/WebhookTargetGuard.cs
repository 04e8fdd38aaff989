using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// Keeps webhooks from reaching into the hotline's own network: only http and https, and, unless
/// <see cref="ExchangeOptions.AllowPrivateTargets"/>, only public addresses, checked when a URL is saved and again
/// for the addresses actually connected to (a name that later resolves to 127.0.0.1 is refused then too).
/// </summary>
public sealed class WebhookTargetGuard(IOptions<ExchangeOptions> options)
{
    public bool AllowPrivateTargets => options.Value.AllowPrivateTargets;

    /// <summary>Why the URL's form is refused, or null.</summary>
    public static string? ShapeError(string? url, string what = "订阅地址")
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return "请填写完整的网址，如 https://example.com/hooks。";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"{what}只能使用 http 或 https。";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"{what}不能包含用户名或密码。";
        }

        return uri.Fragment.Length > 0 ? $"{what}不能包含 # 片段。" : null;
    }

    /// <summary>Why the URL's host is refused (a private address, or a name that does not resolve), or null.</summary>
    public async Task<string?> RefusalAsync(Uri uri, CancellationToken ct, string what = "订阅地址")
    {
        if (AllowPrivateTargets)
        {
            return null;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
            }
            catch (SocketException)
            {
                return $"无法解析主机名 {uri.Host}。";
            }
        }

        if (addresses.Length == 0)
        {
            return $"无法解析主机名 {uri.Host}。";
        }

        return addresses.FirstOrDefault(a => !IsPublic(a)) is { } inner
            ? $"{what}指向内网、回环或链路本地地址（{inner}），不允许。"
            : null;
    }

    /// <summary>The addresses of <paramref name="host"/> this host may connect to; throws when none may be.</summary>
    public async Task<IPAddress[]> ResolveForConnectAsync(string host, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (!AllowPrivateTargets && addresses.Any(a => !IsPublic(a)))
        {
            throw new HttpRequestException($"Refused to connect to {host}: it resolves to a non-public address (Exchange:AllowPrivateTargets is false).");
        }

        return addresses;
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8)
            || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b));
    }
}
