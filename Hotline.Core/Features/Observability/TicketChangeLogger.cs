using Hotline.Core.Data;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Observability;

/// <summary>After the commit: one structured log line per saved change of an order, with its sequence (the audit trail of the logs).</summary>
public sealed partial class TicketChangeLogger(ILogger<TicketChangeLogger> logger) : INotificationHandler<TicketChangeSaved>
{
    public Task Handle(TicketChangeSaved notification, CancellationToken cancellationToken)
    {
        LogChange(notification.Number, notification.Status.ToString(), notification.Version, notification.Sequence);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Number} is {Status} (version {Version}, sequence {Sequence})")]
    private partial void LogChange(string number, string status, int version, long sequence);
}
