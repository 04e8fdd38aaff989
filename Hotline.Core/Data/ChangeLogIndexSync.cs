using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Data;

/// <summary>
/// Keeps one node's in-memory index equal to the database through a change log numbered by a global sequence (the
/// knowledge index from <c>KnowledgeChanges</c>, the similar-demand index from <c>TicketChanges</c>). At start it
/// reads the log's watermark, then rebuilds the index from the database (retrying until it succeeds); then it
/// applies the log from its watermark: at once when a change on this node asks for it (<see cref="CatchUpAsync"/>),
/// and every poll interval for changes made on other nodes. A sequence number missing from the log (a transaction
/// that took its number but has not committed yet) is looked for again until the gap timeout, so a change committed
/// out of order is never skipped. Applying a change reads the item as it is now, so applying one twice is harmless.
/// Its timing (the poll, the gap timeout) is the machine's clock, never the application's <see cref="TimeProvider"/>:
/// a test clock moved on by 70 days made a periodic timer on it tick three million times in one call.
/// </summary>
public abstract partial class ChangeLogIndexSync<TKey>(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private long _applied = -1;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>The highest change-log sequence this node's index has applied.</summary>
    public long Watermark => Interlocked.Read(ref _applied);

    /// <summary>The index's name in the logs.</summary>
    protected abstract string IndexName { get; }

    protected abstract TimeSpan PollInterval { get; }

    protected abstract TimeSpan GapTimeout { get; }

    protected virtual int BatchSize => 500;

    public Task WaitReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    /// <summary>Everything from the database again. Returns how many items the index holds.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var started = Clock.GetTimestamp();
            // The watermark is read before the items: a change committed while they load is applied again after.
            var watermark = await ReadWatermarkAsync(db, ct);
            var count = await RebuildIndexAsync(db, ct);
            _gaps.Clear();
            Interlocked.Exchange(ref _applied, watermark);
            LogRebuilt(IndexName, count, watermark, Clock.GetElapsedTime(started).TotalSeconds);
            return count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies the change log since the watermark. Does nothing before the first rebuild.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        if (!IsReady)
        {
            return;
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            while (true)
            {
                var from = _gaps.Count > 0 ? Math.Min(_gaps.Keys.Min() - 1, _applied) : _applied;
                var changes = await ReadChangesAsync(db, from, BatchSize, ct);
                var fresh = changes.Where(c => c.Sequence > _applied || _gaps.ContainsKey(c.Sequence)).Select(c => c.Key).ToList();
                TrackGaps(changes.Select(c => c.Sequence).ToList());
                if (fresh.Count > 0)
                {
                    await ApplyAsync(db, fresh, ct);
                }

                if (changes.Count > 0)
                {
                    Interlocked.Exchange(ref _applied, Math.Max(_applied, changes[^1].Sequence));
                }

                if (changes.Count < BatchSize)
                {
                    return;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The highest sequence in the change log (0 when empty).</summary>
    protected abstract Task<long> ReadWatermarkAsync(HotlineDbContext db, CancellationToken ct);

    /// <summary>Replaces the index with what the database holds; returns how many items.</summary>
    protected abstract Task<int> RebuildIndexAsync(HotlineDbContext db, CancellationToken ct);

    /// <summary>At most <paramref name="take"/> changes after <paramref name="after"/>, in sequence order.</summary>
    protected abstract Task<List<(long Sequence, TKey Key)>> ReadChangesAsync(HotlineDbContext db, long after, int take, CancellationToken ct);

    /// <summary>Brings the changed items (keys may repeat) up to date in the index.</summary>
    protected abstract Task ApplyAsync(HotlineDbContext db, List<TKey> keys, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && !IsReady)
        {
            try
            {
                await RebuildAsync(stoppingToken);
                _ready.TrySetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRebuildFailed(e, IndexName);
                await Task.Delay(PollInterval, stoppingToken);
            }
        }

        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPollFailed(e, IndexName);
            }
        }
    }

    private void TrackGaps(List<long> seen)
    {
        var now = Clock.GetUtcNow();
        foreach (var sequence in seen)
        {
            _gaps.Remove(sequence);
        }

        var expected = _applied + 1;
        foreach (var sequence in seen.Where(s => s > _applied))
        {
            for (var missing = expected; missing < sequence; missing++)
            {
                _gaps.TryAdd(missing, now);
            }

            expected = sequence + 1;
        }

        foreach (var stale in _gaps.Where(g => now - g.Value > GapTimeout).Select(g => g.Key).ToList())
        {
            _gaps.Remove(stale);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Index} index rebuilt: {Count} items, change log at {Watermark}, in {Seconds:0.0} s")]
    private partial void LogRebuilt(string index, int count, long watermark, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Index} index rebuild failed; retrying")]
    private partial void LogRebuildFailed(Exception exception, string index);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Index} change-log poll failed; retrying at the next interval")]
    private partial void LogPollFailed(Exception exception, string index);
}
