namespace Hotline.Core.Features.Webhooks;

/// <summary>Where the hotline may send data to other systems (<c>Exchange</c>).</summary>
public sealed class ExchangeOptions
{
    public const string Section = "Exchange";

    /// <summary>
    /// False (the default): a webhook URL whose host is or resolves to a loopback, private, link-local or otherwise
    /// non-public address is refused when saved and again at every connection (no SSRF into the hotline's network).
    /// Tests and a closed intranet set it true.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }
}
