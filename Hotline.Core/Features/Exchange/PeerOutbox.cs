using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Exchange;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Webhooks;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange;

/// <summary>
/// Writes the exchange's outbox rows, always beside the change that causes them (one transaction): a transfer and a
/// hand-over record by their handlers, and, before every save, a status update to the source peer of each order
/// transferred in whose status the save changes.
/// </summary>
public static class PeerOutbox
{
    public static void AddTransfer(HotlineDbContext db, PeerPlatform peer, Ticket ticket, PeerOrder order, string? note, string sentBy, DateTimeOffset now)
    {
        var message = new PeerTransferMessage(PeerMessageTypes.Transfer, ticket.TransferOutId!.Value.ToString(), order, note, sentBy, now);
        Add(db, peer.Id, ticket, PeerMessageTypes.Transfer, "transfers", message, now);
    }

    public static void AddHandover(HotlineDbContext db, PeerPlatform peer, Ticket ticket, PeerHandoverMessage message, DateTimeOffset now) =>
        Add(db, peer.Id, ticket, PeerMessageTypes.Handover, "handovers", message, now);

    /// <summary>Status updates for the orders of <paramref name="changes"/> that came from a peer and changed status in this save.</summary>
    public static void AddStatusUpdates(HotlineDbContext db, IReadOnlyList<(Ticket Ticket, TicketChange Change)> changes)
    {
        foreach (var (ticket, change) in changes)
        {
            if (ticket.SourcePeerId is not { } peerId || ticket.SourceTransferId is not { } transferId)
            {
                continue;
            }

            var entry = db.Entry(ticket);
            if (entry.State != EntityState.Modified || entry.Property(t => t.Status).OriginalValue == ticket.Status)
            {
                continue;
            }

            var message = new PeerStatusMessage(PeerMessageTypes.Status, transferId, ticket.Number, ticket.Status, ticket.Version, StatusNote(ticket), change.At);
            Add(db, peerId, ticket, PeerMessageTypes.Status, $"transfers/{Uri.EscapeDataString(transferId)}/status", message, change.At);
        }
    }

    /// <summary>What the sender learns with a status: the reply once there is one, and how the order was closed.</summary>
    private static string? StatusNote(Ticket ticket) => ticket.Status switch
    {
        TicketStatus.Replied => ticket.ReplyAnswer,
        TicketStatus.Closed when ticket.CloseReason is { } reason =>
            ticket.ReplyAnswer is { } answer ? $"{ChineseLabels.CloseReason(reason)}：{answer}" : ChineseLabels.CloseReason(reason),
        _ => null,
    };

    private static void Add<T>(HotlineDbContext db, Guid peerId, Ticket ticket, string type, string path, T body, DateTimeOffset now) =>
        db.PeerMessages.Add(new PeerMessage
        {
            Id = Guid.CreateVersion7(now),
            PeerId = peerId,
            TicketId = ticket.Id,
            TicketNumber = ticket.Number,
            Type = type,
            Sequence = ticket.Version,
            Path = path,
            Body = JsonSerializer.Serialize(body, WebhookOutbox.Json),
            Status = WebhookDeliveryStatus.Pending,
            CreatedAt = now,
            RetryFrom = now,
            NextAttemptAt = now,
        });

    /// <summary>The order as a peer receives it.</summary>
    public static PeerOrder OrderOf(Ticket ticket, string? categoryName, string? districtName) => new(
        ticket.Number,
        ticket.Type,
        ticket.Urgency,
        ticket.CategoryCode,
        categoryName,
        new CitizenDto(ticket.Citizen.Name, ticket.Citizen.Phone, ticket.Citizen.Confidential),
        new LocationDto(ticket.Location.DistrictCode, ticket.Location.StreetCode, ticket.Location.Address, ticket.Location.Latitude, ticket.Location.Longitude),
        districtName,
        ticket.Content,
        ticket.CreatedAt);
}
