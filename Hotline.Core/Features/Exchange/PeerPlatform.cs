namespace Hotline.Core.Features.Exchange;

/// <summary>
/// Another platform the hotline exchanges with (docs/integration.md, "Hand-over between hotlines"): a hotline orders
/// are transferred to and from, or an emergency service (110/119/120/122) that receives hand-over records. The key
/// and the secret are the link's, agreed by both sides: each side signs with the secret and names the link by the key,
/// so the secret is kept as given (it must sign), like a webhook's.
/// </summary>
public sealed class PeerPlatform
{
    public const int MaxNameLength = 100;
    public const int MaxKeyLength = 64;
    public const int MaxUrlLength = 2000;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 200;

    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>One of <see cref="Contracts.Exchange.PeerKinds"/>.</summary>
    public string Kind { get; set; } = Contracts.Exchange.PeerKinds.Hotline;

    /// <summary>The peer's exchange root, ending with a slash; the paths <c>transfers</c>, <c>transfers/{id}/status</c> and <c>handovers</c> are relative to it.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Names the link in the <c>Hotline-Peer</c> header, the same on both sides; unique.</summary>
    public string Key { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    /// <summary>A disabled peer is offered to nobody, its requests are refused (401) and its messages wait until it is enabled again.</summary>
    public bool Active { get; set; } = true;

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
