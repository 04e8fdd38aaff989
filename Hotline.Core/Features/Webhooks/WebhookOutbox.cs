using System.Text.Json;
using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Json;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// Writes the outbox rows of a save's order changes, before the save, so they commit or roll back with the change
/// and its change-log row. A subscriber gets a row when it wants one of the change's types and may see the order
/// after the change: every order without a unit filter, else the orders its unit leads, assists or is copied on.
/// </summary>
public static class WebhookOutbox
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static readonly Actor Centre = new(null, "webhook", [Roles.Admin], null);

    public static async Task AddAsync(HotlineDbContext db, IReadOnlyList<(Ticket Ticket, TicketChange Change)> changes, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return;
        }

        foreach (var (ticket, change) in changes)
        {
            var types = ticket.DomainEvents.Select(e => WebhookEventTypes.Of(e.GetType().Name)).OfType<string>().Distinct().ToList();
            if (types.Count == 0)
            {
                continue;
            }

            var units = change.UnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();
            var timeline = ticket.Timeline.Where(e => db.Entry(e).State == EntityState.Added).ToList();
            var dataByViewer = new Dictionary<Guid, string>();
            foreach (var subscription in subscriptions)
            {
                var type = types.FirstOrDefault(subscription.Wants);
                if (type is null || (subscription.UnitId is { } unit && !units.Contains(unit)))
                {
                    continue;
                }

                var key = subscription.UnitId ?? Guid.Empty;
                if (!dataByViewer.TryGetValue(key, out var data))
                {
                    var viewer = subscription.UnitId is { } unitId ? new Actor(null, "webhook", [Roles.Department], unitId) : Centre;
                    var dto = TicketMapper.ToDto(ticket, timeline, [], viewer, change.At);
                    data = JsonSerializer.Serialize(new WebhookEventData(types, dto), Json);
                    dataByViewer[key] = data;
                }

                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    Id = Guid.CreateVersion7(change.At),
                    SubscriptionId = subscription.Id,
                    Change = change,
                    TicketId = ticket.Id,
                    TicketNumber = ticket.Number,
                    TicketVersion = ticket.Version,
                    Type = type,
                    Data = data,
                    OccurredAt = change.At,
                    Status = WebhookDeliveryStatus.Pending,
                    RetryFrom = change.At,
                    NextAttemptAt = change.At,
                });
            }
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HotlineJson.Configure(options);
        return options;
    }
}
