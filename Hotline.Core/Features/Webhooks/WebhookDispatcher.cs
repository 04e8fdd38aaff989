using System.Diagnostics;
using Hotline.Core.Data;
using Hotline.Core.Features.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// Sends due outbox rows. A row is due when its next attempt has come, its subscriber is active, nobody holds a
/// live lease on it, and no earlier event of the same order for the same subscriber is still pending: so the
/// events of one order reach a subscriber in order, while other orders go on. Each subscriber is a lane of its own
/// (<see cref="RunLaneOnceAsync"/>), so a slow or failing one never holds the others. A lane leases its batch with one
/// conditional UPDATE, so two workers never send the same row at once; a worker that dies mid-send leaves the lease to
/// expire and the row is sent again (at least once, with the same event id).
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    HotlineMetrics metrics,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";

    private static readonly Dictionary<string, string> NoHeaders = [];

    private sealed record Attempt(DateTimeOffset At, int? Status, string? Error, TimeSpan Elapsed);

    private sealed record Claimed(Guid Id, Guid SubscriptionId, string SubscriptionName, string Url, string Secret, string Type, string TicketNumber, long Sequence, DateTimeOffset OccurredAt, DateTimeOffset RetryFrom, int Attempts, string Data);

    /// <summary>
    /// One round for every subscriber with due events, each in its own lane and all at once; answers how many were
    /// attempted (used by tests and tools: the job host runs the lanes independently, <see cref="Jobs.WebhookDeliveryService"/>).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var rounds = await Task.WhenAll((await DueSubscriptionsAsync(ct)).Select(id => RunLaneOnceAsync(id, holdOnFailure: false, ct)));
        return rounds.Sum(r => r.Attempted);
    }

    /// <summary>The active subscribers that have an event due now.</summary>
    public async Task<IReadOnlyList<Guid>> DueSubscriptionsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var now = time.GetUtcNow();
        return await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.Active && db.WebhookDeliveries.Due(now).Any(d => d.SubscriptionId == s.Id))
            .Select(s => s.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// One batch of one subscriber's due events (its lane: a slow or failing subscriber never holds another's). The batch
    /// is leased with one UPDATE, sent <see cref="WebhookOptions.Concurrency"/> at a time, and its outcomes written in one
    /// transaction (an UPDATE per event, one commit), so a busy subscriber costs the database two commits per batch rather
    /// than two per event. No event
    /// is started once its lease could run out before its attempt ends (lease − timeout after the lease was taken); events
    /// not started are released at the end. With <paramref name="holdOnFailure"/>, a failed attempt stops the batch (the
    /// ones in flight finish), so a subscriber that is down costs a handful of attempts per round, not one per waiting event.
    /// </summary>
    public async Task<LaneRound> RunLaneOnceAsync(Guid subscriptionId, bool holdOnFailure, CancellationToken ct)
    {
        var settings = options.Value;
        var due = await DueAsync(subscriptionId, settings, ct);
        if (due.Count == 0)
        {
            return default;
        }

        var lease = Guid.NewGuid();
        var leased = await LeaseAsync(due, lease, settings, ct);
        var held = Stopwatch.StartNew();
        var startBefore = settings.Lease - settings.Timeout;
        var started = new bool[leased.Count];
        var attempts = new Attempt?[leased.Count];
        var stop = 0;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, leased.Count),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = ct },
                async (i, token) =>
                {
                    if (Volatile.Read(ref stop) != 0 || held.Elapsed > startBefore)
                    {
                        return;
                    }

                    started[i] = true;
                    attempts[i] = await SendAsync(leased[i], settings, token);
                    if (holdOnFailure && attempts[i] is { Error: not null })
                    {
                        Interlocked.Exchange(ref stop, 1);
                    }
                });
        }
        finally
        {
            await RecordAsync(leased, started, attempts, lease, settings);
        }

        return new LaneRound(started.Count(s => s), attempts.Count(a => a is { Error: null }), attempts.Count(a => a is { Error: not null }), due.Count >= settings.BatchSize);
    }

    /// <summary>
    /// A held lane's waiting events whose retry window has passed become dead letters without another attempt, as they
    /// would have after their own failed attempts.
    /// </summary>
    public async Task<int> ExpireAsync(Guid subscriptionId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        return await db.WebhookDeliveries.Where(d => d.SubscriptionId == subscriptionId)
            .ExpireAsync(time.GetUtcNow(), options.Value, "Not delivered within the retry window: the subscriber kept failing.", ct);
    }

    /// <summary>Removes delivered events older than the retention.</summary>
    public async Task<int> PurgeDeliveredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var before = time.GetUtcNow() - options.Value.DeliveredRetention;
        return await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Delivered && d.DeliveredAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task<List<Claimed>> DueAsync(Guid subscriptionId, WebhookOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var now = time.GetUtcNow();
        return await (
                from d in db.WebhookDeliveries.Due(now)
                join s in db.WebhookSubscriptions on d.SubscriptionId equals s.Id
                where d.SubscriptionId == subscriptionId && s.Active
                    && !db.WebhookDeliveries.Any(e => e.SubscriptionId == d.SubscriptionId && e.TicketId == d.TicketId
                        && e.Status == WebhookDeliveryStatus.Pending && e.ChangeSequence < d.ChangeSequence)
                orderby d.ChangeSequence
                select new Claimed(d.Id, s.Id, s.Name, s.Url, s.Secret, d.Type, d.TicketNumber, d.ChangeSequence, d.OccurredAt, d.RetryFrom, d.Attempts, d.Data))
            .AsNoTracking()
            .Take(settings.BatchSize)
            .ToListAsync(ct);
    }

    private async Task<List<Claimed>> LeaseAsync(List<Claimed> group, Guid lease, WebhookOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var held = await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().WebhookDeliveries
            .TryLeaseManyAsync(group.Select(r => r.Id).ToList(), lease, time.GetUtcNow(), settings, ct);
        return group.Where(r => held.Contains(r.Id)).ToList();
    }

    /// <summary>One attempt; null when the host is stopping (the row stays leased and is sent again once the lease runs out).</summary>
    private async Task<Attempt?> SendAsync(Claimed row, WebhookOptions settings, CancellationToken ct)
    {
        var body = WebhookEnvelope.Build(settings.Source, row.Id, row.Type, row.TicketNumber, row.OccurredAt, row.Sequence, row.Data);
        var at = time.GetUtcNow();
        var outcome = await SignedPost.SendAsync(
            httpClients.CreateClient(HttpClientName), new Uri(row.Url), body, WebhookEnvelope.ContentType, row.Secret, at, row.Attempts + 1, settings.Timeout,
            NoHeaders, readAnswer: false, ct);
        return outcome is null ? null : new Attempt(at, outcome.Status, outcome.Error is null ? null : SignedPost.Clip(outcome.Error, WebhookDelivery.MaxErrorLength), outcome.Elapsed);
    }

    /// <summary>
    /// The batch's outcomes in one transaction, by the lease's holder only, even when the host is stopping (what was
    /// delivered stays delivered); the events never started are released. An event whose attempt did not end (the host
    /// stopped) stays leased: it may have reached the subscriber, and is sent again once the lease runs out.
    /// </summary>
    private async Task RecordAsync(List<Claimed> rows, bool[] started, Attempt?[] outcomes, Guid lease, WebhookOptions settings)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var dead = new bool[rows.Count];
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            var now = time.GetUtcNow();
            for (var i = 0; i < rows.Count; i++)
            {
                var (row, outcome) = (rows[i], outcomes[i]);
                if (outcome is null)
                {
                    continue;
                }

                if (outcome.Error is null)
                {
                    var latency = outcome.Elapsed.TotalMilliseconds;
                    await db.WebhookDeliveries.MarkDeliveredAsync(row.Id, lease, outcome.At, outcome.Status, now, u => u.SetProperty(d => d.LatencyMs, latency));
                }
                else
                {
                    dead[i] = await db.WebhookDeliveries.MarkFailedAsync(row.Id, lease, row.Attempts, row.RetryFrom, outcome.At, outcome.Status, outcome.Error, now, settings);
                }
            }

            var unsent = rows.Where((_, i) => !started[i]).Select(r => r.Id).ToList();
            if (unsent.Count > 0)
            {
                await db.WebhookDeliveries.ReleaseAsync(unsent, lease);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is not { } outcome)
            {
                continue;
            }

            var tags = new TagList { { "subscription", rows[i].SubscriptionName }, { "outcome", outcome.Error is null ? "delivered" : dead[i] ? "dead" : "failed" } };
            metrics.WebhookDeliveries.Add(1, tags);
            if (outcome.Error is null)
            {
                metrics.WebhookLatency.Record(outcome.Elapsed.TotalSeconds, tags);
            }
            else
            {
                LogFailed(rows[i].Id, rows[i].SubscriptionName, rows[i].Attempts + 1, outcome.Error, dead[i]);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} to {Subscription} failed (attempt {Attempt}): {Error}; dead letter: {Dead}")]
    private partial void LogFailed(Guid eventId, string subscription, int attempt, string error, bool dead);
}

/// <summary>One lane round: events attempted, delivered and failed, and whether the batch was full (more may be due at once).</summary>
public readonly record struct LaneRound(int Attempted, int Delivered, int Failed, bool Full);
