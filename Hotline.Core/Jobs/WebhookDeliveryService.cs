using Hotline.Core.Features.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Jobs;

/// <summary>
/// The job host's continuous outbox delivery, webhook events and peer platforms' messages (跨平台转办). Every
/// <see cref="WebhookOptions.PollInterval"/> it looks for subscribers with due events and starts a lane for each that
/// has none running: a lane sends its subscriber's batches one after the other (at once again after a full batch) and
/// ends when nothing of its subscriber is due, so a slow subscriber only ever slows itself. A lane whose round failed
/// without delivering anything holds its subscriber for the backoff of <see cref="WebhookOptions.RetryDelay"/>
/// (doubling while it keeps failing, reset by a delivery) instead of trying each waiting event. Peer messages have one
/// lane of their own. Delivered rows are purged hourly. A loop rather than a Hangfire recurring job, whose minute
/// granularity would add up to a minute to every event; the row leases make several workers safe.
/// </summary>
public sealed partial class WebhookDeliveryService(WebhookDispatcher dispatcher, Features.Exchange.PeerDispatcher peers, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliveryService> logger)
    : BackgroundService
{
    private static readonly Guid PeerLane = Guid.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextPurge = time.GetUtcNow();
        var lanes = new Dictionary<Guid, Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var done in lanes.Where(l => l.Value.IsCompleted).Select(l => l.Key).ToList())
                {
                    lanes.Remove(done);
                }

                try
                {
                    if (!lanes.ContainsKey(PeerLane))
                    {
                        lanes[PeerLane] = PeerLaneAsync(settings, stoppingToken);
                    }

                    foreach (var subscription in await dispatcher.DueSubscriptionsAsync(stoppingToken))
                    {
                        if (!lanes.ContainsKey(subscription))
                        {
                            lanes[subscription] = LaneAsync(subscription, settings, stoppingToken);
                        }
                    }

                    if (time.GetUtcNow() >= nextPurge)
                    {
                        await dispatcher.PurgeDeliveredAsync(stoppingToken);
                        await peers.PurgeDeliveredAsync(stoppingToken);
                        nextPurge = time.GetUtcNow().AddHours(1);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database outage: log and look again after the interval; the rows are where they were.
                    LogRoundFailed(e);
                }

                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // The lanes stop on the same token: wait for them, so none outlives the host (their rows stay leased, sent again later).
            await Task.WhenAll(lanes.Values).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>One subscriber's batches until nothing of it is due; held with a backoff while it fails.</summary>
    private async Task LaneAsync(Guid subscription, WebhookOptions settings, CancellationToken ct)
    {
        await Task.Yield();
        var failing = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var round = await dispatcher.RunLaneOnceAsync(subscription, holdOnFailure: true, ct);
                if (round.Failed > 0 && round.Delivered == 0)
                {
                    failing++;
                    await dispatcher.ExpireAsync(subscription, ct);
                    await Task.Delay(settings.RetryDelay(failing), ct);
                    continue;
                }

                failing = round.Failed > 0 ? failing : 0;
                if (round.Attempted == 0)
                {
                    return;
                }

                if (!round.Full)
                {
                    await Task.Delay(settings.PollInterval, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The service starts the lane again at its next look while events are due.
            LogLaneFailed(subscription, e);
        }
    }

    private async Task PeerLaneAsync(WebhookOptions settings, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            while (!ct.IsCancellationRequested && await peers.RunOnceAsync(ct) >= settings.BatchSize)
            {
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogLaneFailed(PeerLane, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery round failed (webhooks, peer platforms)")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery lane {Subscription} failed (00000000-… is the peer platforms' lane); it starts again while events are due")]
    private partial void LogLaneFailed(Guid subscription, Exception exception);
}
