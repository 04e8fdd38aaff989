using Hotline.Core.Features.Webhooks;

namespace Hotline.Core.Features.Exchange;

/// <summary>
/// The exchange's outbox: one message to one peer (a transfer, a status update, a hand-over record), written in the
/// transaction of the order's change and sent by the job host with the webhooks' leases, order and retry schedule.
/// The body is fixed when written, so every attempt sends the same bytes; the receiver drops repeats by the ids in it.
/// </summary>
public sealed class PeerMessage : IOutboxRow
{
    public const int MaxErrorLength = 500;

    public Guid Id { get; set; }

    public Guid PeerId { get; set; }

    public Guid TicketId { get; set; }

    public string TicketNumber { get; set; } = string.Empty;

    /// <summary>One of <see cref="Contracts.Exchange.PeerMessageTypes"/>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The order's version at the change: the messages of one order to one peer are sent in this order.</summary>
    public int Sequence { get; set; }

    /// <summary>Relative to the peer's base URL.</summary>
    public string Path { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public WebhookDeliveryStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset RetryFrom { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public Guid? LeaseId { get; set; }

    public DateTimeOffset? LeasedUntil { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? DeadAt { get; set; }
}
