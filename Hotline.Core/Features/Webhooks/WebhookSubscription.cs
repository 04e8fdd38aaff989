namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// A system that is told of every change of the orders it may see (docs/integration.md). The secret is kept as
/// given, not hashed: the worker needs it to sign each delivery.
/// </summary>
public sealed class WebhookSubscription
{
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2000;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 200;

    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    /// <summary>CloudEvents types, comma-separated; empty: every type.</summary>
    public string EventTypes { get; set; } = string.Empty;

    /// <summary>When set, only orders this unit may see, masked as the unit sees them; when null, every order as the centre sees it.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>A paused subscriber still gets its events written; they wait until it is active again.</summary>
    public bool Active { get; set; } = true;

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Wants(string type) =>
        EventTypes.Length == 0 || EventTypes.Split(',').Contains(type, StringComparer.Ordinal);
}
