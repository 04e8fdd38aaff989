namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// One round of the peer platforms' outbox (webhook events have lanes of their own, <see cref="WebhookDispatcher.RunLaneOnceAsync"/>): the due rows, each leased just before it is sent (so a
/// lease never runs out while its row waits in the batch), at most <see cref="WebhookOptions.Concurrency"/> at once.
/// Answers how many were attempted: a full batch means call again at once.
/// </summary>
public static class OutboxBatch
{
    public static async Task<int> SendAsync<TRow>(
        IReadOnlyList<TRow> due,
        WebhookOptions settings,
        Func<TRow, Guid, CancellationToken, Task<bool>> tryLease,
        Func<TRow, Guid, CancellationToken, Task> send,
        CancellationToken ct)
    {
        var lease = Guid.NewGuid();
        var attempted = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = ct }, async (row, token) =>
        {
            if (await tryLease(row, lease, token))
            {
                Interlocked.Increment(ref attempted);
                await send(row, lease, token);
            }
        });
        return attempted;
    }
}
