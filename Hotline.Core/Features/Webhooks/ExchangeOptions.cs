namespace Hotline.Core.Features.Webhooks;

/// <summary>Where the hotline may send data to other systems, and how it takes orders from peers (<c>Exchange</c>).</summary>
public sealed class ExchangeOptions
{
    public const string Section = "Exchange";

    /// <summary>
    /// False (the default): a webhook or peer URL whose host is or resolves to a loopback, private, link-local or
    /// otherwise non-public address is refused when saved and again at every connection (no SSRF into the hotline's
    /// network). Tests and a closed intranet (a provincial government network) set it true.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How far a peer's signature timestamp may be from this host's clock (replays older than this are refused).</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The category an order transferred in gets when the sender's category code is not one of ours; null: such a
    /// transfer is refused (400) and stays on the sender's retry list until this is set or the codes agree.
    /// </summary>
    public string? IncomingCategoryCode { get; set; }

    /// <summary>The district an order transferred in gets when the sender's district code is not one of ours; null: refused as above.</summary>
    public string? IncomingDistrictCode { get; set; }
}
