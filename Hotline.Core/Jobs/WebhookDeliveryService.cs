using Hotline.Core.Features.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Jobs;

/// <summary>
/// The job host's continuous outbox delivery, webhook events and peer platforms' messages (跨平台转办): polls both
/// outboxes every <see cref="WebhookOptions.PollInterval"/> (at once again after a full batch) and purges old
/// delivered rows hourly. A loop rather than a Hangfire recurring
/// job, whose minute granularity would add up to a minute to every event; the row leases make several workers safe.
/// </summary>
public sealed partial class WebhookDeliveryService(WebhookDispatcher dispatcher, Features.Exchange.PeerDispatcher peers, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextPurge = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                attempted = Math.Max(await dispatcher.RunOnceAsync(stoppingToken), await peers.RunOnceAsync(stoppingToken));
                if (time.GetUtcNow() >= nextPurge)
                {
                    await dispatcher.PurgeDeliveredAsync(stoppingToken);
                    await peers.PurgeDeliveredAsync(stoppingToken);
                    nextPurge = time.GetUtcNow().AddHours(1);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage: log and try again after the interval; the rows are where they were.
                LogRoundFailed(e);
            }

            if (attempted < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery round failed (webhooks, peer platforms)")]
    private partial void LogRoundFailed(Exception exception);
}
