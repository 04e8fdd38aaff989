using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// The delivery state an outbox row carries (webhook events, peer messages): its status, the lease that holds it
/// while one worker sends it, and the retry schedule. The state changes live once, in <see cref="OutboxRows"/>.
/// </summary>
public interface IOutboxRow
{
    Guid Id { get; }

    WebhookDeliveryStatus Status { get; }

    DateTimeOffset RetryFrom { get; }

    int Attempts { get; }

    DateTimeOffset NextAttemptAt { get; }

    Guid? LeaseId { get; }

    DateTimeOffset? LeasedUntil { get; }

    DateTimeOffset? LastAttemptAt { get; }

    int? LastStatusCode { get; }

    string? LastError { get; }

    DateTimeOffset? DeliveredAt { get; }

    DateTimeOffset? DeadAt { get; }
}

/// <summary>
/// The outbox's state changes as single conditional UPDATEs: due rows, a lease, the attempt's outcome (only by the
/// lease's holder: a worker whose lease ran out and was taken over changes nothing), and redelivery of dead letters.
/// </summary>
public static class OutboxRows
{
    /// <summary>Rows whose attempt has come and that no live lease holds.</summary>
    public static IQueryable<T> Due<T>(this IQueryable<T> rows, DateTimeOffset now) where T : class, IOutboxRow =>
        rows.Where(r => r.Status == WebhookDeliveryStatus.Pending && r.NextAttemptAt <= now && (r.LeasedUntil == null || r.LeasedUntil < now));

    /// <summary>Takes the row for <paramref name="lease"/> until <c>now + settings.Lease</c>; false when another worker has it or it is no longer due.</summary>
    public static async Task<bool> TryLeaseAsync<T>(this IQueryable<T> rows, Guid id, Guid lease, DateTimeOffset now, WebhookOptions settings, CancellationToken ct)
        where T : class, IOutboxRow
    {
        var until = now + settings.Lease;
        return await rows.Where(r => r.Id == id).Due(now)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseId, lease).SetProperty(r => r.LeasedUntil, until), ct) == 1;
    }

    /// <summary>
    /// Takes those of <paramref name="ids"/> that are due for <paramref name="lease"/> with one UPDATE; answers the ids it
    /// holds (all of them unless another worker took some first).
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> TryLeaseManyAsync<T>(this IQueryable<T> rows, IReadOnlyList<Guid> ids, Guid lease, DateTimeOffset now, WebhookOptions settings, CancellationToken ct)
        where T : class, IOutboxRow
    {
        var until = now + settings.Lease;
        var taken = await rows.Where(r => ids.Contains(r.Id)).Due(now)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseId, lease).SetProperty(r => r.LeasedUntil, until), ct);
        return taken == ids.Count
            ? ids.ToHashSet()
            : (await rows.Where(r => ids.Contains(r.Id) && r.LeaseId == lease).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The rows of <paramref name="ids"/> that <paramref name="lease"/> holds but did not send, free again at once.</summary>
    public static Task<int> ReleaseAsync<T>(this IQueryable<T> rows, IReadOnlyList<Guid> ids, Guid lease) where T : class, IOutboxRow =>
        rows.Where(r => ids.Contains(r.Id) && r.LeaseId == lease)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseId, (Guid?)null).SetProperty(r => r.LeasedUntil, (DateTimeOffset?)null), CancellationToken.None);

    /// <summary>The attempt succeeded: delivered, lease released. <paramref name="also"/> sets a row type's own columns.</summary>
    public static Task MarkDeliveredAsync<T>(
        this IQueryable<T> rows, Guid id, Guid lease, DateTimeOffset attemptAt, int? status, DateTimeOffset now, Action<UpdateSettersBuilder<T>>? also = null)
        where T : class, IOutboxRow =>
        rows.Where(r => r.Id == id && r.LeaseId == lease).ExecuteUpdateAsync(
            u =>
            {
                u.SetProperty(r => r.Status, WebhookDeliveryStatus.Delivered)
                    .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                    .SetProperty(r => r.LastAttemptAt, attemptAt)
                    .SetProperty(r => r.LastStatusCode, status)
                    .SetProperty(r => r.LastError, (string?)null)
                    .SetProperty(r => r.DeliveredAt, now)
                    .SetProperty(r => r.LeaseId, (Guid?)null)
                    .SetProperty(r => r.LeasedUntil, (DateTimeOffset?)null);
                also?.Invoke(u);
            },
            CancellationToken.None);

    /// <summary>
    /// The attempt failed: the next one after the exponential backoff, or a dead letter once the attempt came
    /// <see cref="WebhookOptions.RetryWindow"/> after the row's retry window opened. Answers whether it is dead now.
    /// </summary>
    public static async Task<bool> MarkFailedAsync<T>(
        this IQueryable<T> rows, Guid id, Guid lease, int attemptsBefore, DateTimeOffset retryFrom, DateTimeOffset attemptAt, int? status, string error,
        DateTimeOffset now, WebhookOptions settings)
        where T : class, IOutboxRow
    {
        var dead = now >= retryFrom + settings.RetryWindow;
        var next = now + settings.RetryDelay(attemptsBefore + 1);
        await rows.Where(r => r.Id == id && r.LeaseId == lease).ExecuteUpdateAsync(
            u => u.SetProperty(r => r.Status, dead ? WebhookDeliveryStatus.Dead : WebhookDeliveryStatus.Pending)
                .SetProperty(r => r.DeadAt, dead ? now : null)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.LastAttemptAt, attemptAt)
                .SetProperty(r => r.LastStatusCode, status)
                .SetProperty(r => r.LastError, error)
                .SetProperty(r => r.NextAttemptAt, next)
                .SetProperty(r => r.LeaseId, (Guid?)null)
                .SetProperty(r => r.LeasedUntil, (DateTimeOffset?)null),
            CancellationToken.None);
        return dead;
    }

    /// <summary>
    /// Waiting rows (not leased) whose retry window opened more than <see cref="WebhookOptions.RetryWindow"/> ago become
    /// dead letters with <paramref name="error"/>, for rows a held lane did not attempt again. Answers how many.
    /// </summary>
    public static Task<int> ExpireAsync<T>(this IQueryable<T> rows, DateTimeOffset now, WebhookOptions settings, string error, CancellationToken ct)
        where T : class, IOutboxRow
    {
        var opened = now - settings.RetryWindow;
        return rows.Where(r => r.Status == WebhookDeliveryStatus.Pending && r.RetryFrom <= opened && (r.LeasedUntil == null || r.LeasedUntil < now))
            .ExecuteUpdateAsync(
                u => u.SetProperty(r => r.Status, WebhookDeliveryStatus.Dead)
                    .SetProperty(r => r.DeadAt, now)
                    .SetProperty(r => r.LastError, error)
                    .SetProperty(r => r.LeaseId, (Guid?)null)
                    .SetProperty(r => r.LeasedUntil, (DateTimeOffset?)null),
                ct);
    }

    /// <summary>Dead letters back in the queue, due now, with the same ids and bodies and a fresh retry window.</summary>
    public static Task<int> RequeueDeadAsync<T>(this IQueryable<T> dead, DateTimeOffset now, CancellationToken ct) where T : class, IOutboxRow =>
        dead.Where(r => r.Status == WebhookDeliveryStatus.Dead).ExecuteUpdateAsync(
            u => u.SetProperty(r => r.Status, WebhookDeliveryStatus.Pending)
                .SetProperty(r => r.RetryFrom, now)
                .SetProperty(r => r.NextAttemptAt, now)
                .SetProperty(r => r.DeadAt, (DateTimeOffset?)null),
            ct);
}
