using System.Text.RegularExpressions;
using Hotline.Domain.Common;

namespace Hotline.Api.Citizens.Open311;

/// <summary>Discovery details (<c>CitizenChannels:Open311</c>).</summary>
public sealed class Open311Options
{
    public const string Section = "CitizenChannels:Open311";

    public string Contact { get; set; } = "12345市民服务热线中心";

    public string KeyService { get; set; } = "api_key 由热线中心管理员签发（POST /api/admin/open311-keys）。";

    /// <summary><c>production</c> or <c>test</c>.</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>
    /// The public root URL the citizens' apps reach this server at (e.g. <c>https://12345.example.gov.cn</c>);
    /// discovery advertises it plus <c>/open311/v2</c>. Unset: the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>When this endpoint's capabilities last changed.</summary>
    public DateTimeOffset Changeset { get; set; } = new(2026, 11, 24, 0, 0, 0, ChinaTime.Offset);
}
