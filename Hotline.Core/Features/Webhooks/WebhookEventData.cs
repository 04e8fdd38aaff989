using Hotline.Contracts.Tickets;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// A webhook event's <c>data</c>: every type the change raised (the event's <c>type</c> is the first one the
/// subscriber wants) and the order as the subscriber may see it; its timeline holds only the entries of this change.
/// </summary>
public sealed record WebhookEventData(IReadOnlyList<string> Types, TicketDto Ticket);
