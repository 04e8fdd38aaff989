using System.Threading.Channels;
using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Audit;

/// <summary>
/// Writes the audit entries of reads (an order opened by a unit, a download, an export) by group commit: a read hands
/// its entry over and waits until the entry is committed, and the entries of all reads waiting at that moment are
/// written in one transaction. The read's answer is still sent only after its entry is in the database, and a read
/// whose entry cannot be written fails, as before; what changes is that 1,000 reads a second cost a few dozen commits
/// instead of 1,000, each holding the database's write lock (SQLite has one writer) and syncing its journal. When a
/// batch fails, its entries are written one by one, so each read gets its own outcome. Changes are not written here:
/// their entries commit in the change's own transaction (<see cref="AuditBehavior{TRequest,TResponse}"/>).
/// </summary>
public sealed class AuditReadWriter : IAsyncDisposable
{
    /// <summary>The most entries in one transaction.</summary>
    public const int MaxBatch = 500;

    private readonly DbContextOptions<HotlineDbContext> _options;
    private readonly ILogger<AuditReadWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(MaxBatch * 20)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Task _loop;
    private long _batches;

    public AuditReadWriter(DbContextOptions<HotlineDbContext> options, ILogger<AuditReadWriter> logger)
    {
        _options = options;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions written so far (a batch written again entry by entry counts once per entry as well).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Completes when <paramref name="entry"/> is committed; throws what the database threw for it.</summary>
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);

        // Once queued the entry is written even if the caller goes away: the data may already have been read.
        await pending.Written.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await SaveAsync(batch.Select(p => p.Entry));
                batch.ForEach(p => p.Written.TrySetResult());
            }
            catch (Exception ex) when (batch.Count > 1)
            {
                _logger.LogWarning(ex, "Writing {Count} audit entries of reads in one transaction failed; writing them one by one.", batch.Count);
                foreach (var pending in batch)
                {
                    await SaveOneAsync(pending);
                }
            }
            catch (Exception ex)
            {
                batch[0].Written.TrySetException(ex);
            }

            batch.Clear();
        }
    }

    private async Task SaveOneAsync(Pending pending)
    {
        try
        {
            pending.Entry.Id = 0;
            await SaveAsync([pending.Entry]);
            pending.Written.TrySetResult();
        }
        catch (Exception ex)
        {
            pending.Written.TrySetException(ex);
        }
    }

    private async Task SaveAsync(IEnumerable<AuditEntry> entries)
    {
        await using var db = new HotlineDbContext(_options);
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(CancellationToken.None);
        Interlocked.Increment(ref _batches);
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Written);
}
