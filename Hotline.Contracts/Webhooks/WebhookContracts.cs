namespace Hotline.Contracts.Webhooks;

/// <summary>
/// A subscriber as an Admin saves it. <c>secret</c>: on create, given (16–200 characters) or generated; on update,
/// null keeps the current one. <c>eventTypes</c> empty or null: every type. <c>unitId</c>: only that unit's orders,
/// masked as the unit sees them.
/// </summary>
public sealed record SaveWebhookRequest(string? Name, string? Url, string? Secret, IReadOnlyList<string>? EventTypes, Guid? UnitId, bool? Active);

public sealed record WebhookDto(
    Guid Id,
    string Name,
    string Url,
    IReadOnlyList<string> EventTypes,
    Guid? UnitId,
    bool Active,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    WebhookStatsDto Stats);

/// <summary>The answer to a create or a new secret: the secret is shown this once.</summary>
public sealed record WebhookCreatedDto(WebhookDto Webhook, string Secret);

/// <summary>Delivery state of one subscriber; latencies are of the successful deliveries of the last 24 hours.</summary>
public sealed record WebhookStatsDto(
    int Pending,
    int Dead,
    int Delivered24h,
    double? AverageLatencyMs24h,
    double? MaxLatencyMs24h,
    DateTimeOffset? LastDeliveredAt,
    DateTimeOffset? LastFailureAt,
    string? LastError);

public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid SubscriptionId,
    string Type,
    Guid TicketId,
    string TicketNumber,
    long Sequence,
    DateTimeOffset OccurredAt,
    string Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? DeadAt);

/// <summary>How many dead letters went back to the queue.</summary>
public sealed record WebhookRedeliveredDto(int Requeued);

/// <summary>The dead letters to send again; empty or null: all of the subscriber's.</summary>
public sealed record RedeliverRequest(IReadOnlyList<Guid>? DeliveryIds);
