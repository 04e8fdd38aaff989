using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Observability;

/// <summary>After the commit: counts registrations, dispatches, closures and deadline alerts.</summary>
public sealed class TicketMetricsHandlers(HotlineMetrics metrics)
    : INotificationHandler<TicketRegistered>, INotificationHandler<TicketDispatched>, INotificationHandler<TicketClosed>, INotificationHandler<DeadlineAlertRaised>
{
    public Task Handle(DeadlineAlertRaised notification, CancellationToken cancellationToken)
    {
        metrics.DeadlineAlerts.Add(
            1,
            new KeyValuePair<string, object?>("stage", notification.Stage.ToString()),
            new KeyValuePair<string, object?>("kind", notification.Kind.ToString()));
        return Task.CompletedTask;
    }

    public Task Handle(TicketRegistered notification, CancellationToken cancellationToken)
    {
        metrics.Registered.Add(1, new KeyValuePair<string, object?>("channel", notification.Channel.ToString()));
        return Task.CompletedTask;
    }

    public Task Handle(TicketDispatched notification, CancellationToken cancellationToken)
    {
        metrics.Dispatched.Add(1, new KeyValuePair<string, object?>("rework", notification.IsRework));
        return Task.CompletedTask;
    }

    public Task Handle(TicketClosed notification, CancellationToken cancellationToken)
    {
        metrics.Closed.Add(1, new KeyValuePair<string, object?>("reason", notification.Reason.ToString()));
        return Task.CompletedTask;
    }
}
