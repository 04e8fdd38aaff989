using Hotline.Core.Data;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// The outbox: one row per change of an order and subscriber, written in the change's transaction. Its id is the
/// CloudEvent's <c>id</c>, the same on every attempt, so a receiver drops duplicates by it.
/// </summary>
public sealed class WebhookDelivery : IOutboxRow
{
    public const int MaxErrorLength = 500;

    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary>The change-log row of the change: its sequence orders the events of one order.</summary>
    public long ChangeSequence { get; set; }

    public TicketChange? Change { get; set; }

    public Guid TicketId { get; set; }

    public string TicketNumber { get; set; } = string.Empty;

    public int TicketVersion { get; set; }

    public string Type { get; set; } = string.Empty;

    /// <summary>The CloudEvent's <c>data</c>: the order as the subscriber may see it at the change, as JSON.</summary>
    public string Data { get; set; } = string.Empty;

    /// <summary>The instant of the change (the CloudEvent's <c>time</c>).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>Failures are retried until this instant plus the retry window: the change, or the Admin's redelivery.</summary>
    public DateTimeOffset RetryFrom { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Who holds the row while sending it; another worker takes it only once <see cref="LeasedUntil"/> has passed.</summary>
    public Guid? LeaseId { get; set; }

    public DateTimeOffset? LeasedUntil { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>How long the successful attempt took, in milliseconds.</summary>
    public double? LatencyMs { get; set; }

    public DateTimeOffset? DeadAt { get; set; }
}
