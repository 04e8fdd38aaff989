using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// Keeps this node's <see cref="TicketSimilarityIndex"/> equal to the database, the way the knowledge index is kept
/// (docs/intelligence.md "How nodes agree"): at start it reads the change-log watermark, then every order oldest
/// first; then it applies the order change log (<see cref="TicketChange"/>, one row per saved change of an order,
/// written in the order's own transaction) from its watermark: at once after a change saved on this node
/// (<see cref="TicketChangeSaved"/>), and every <see cref="SimilarityOptions.PollInterval"/> for changes saved on
/// other nodes. A sequence number missing from the log (a transaction that took it and has not committed yet) is
/// looked for again until <see cref="SimilarityOptions.GapTimeout"/>. Applying a change reads the order as it is
/// now, so applying one twice is harmless.
/// </summary>
public sealed partial class TicketSimilarityIndexSync(
    IServiceScopeFactory scopes,
    TicketSimilarityIndex index,
    IOptions<SimilarityOptions> options,
    TimeProvider time,
    ILogger<TicketSimilarityIndexSync> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private long _applied = -1;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>The highest change-log sequence this node's index has applied.</summary>
    public long Watermark => Interlocked.Read(ref _applied);

    public Task WaitReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

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
                LogRebuildFailed(e);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPollFailed(e);
            }
        }
    }

    /// <summary>Everything from the database again. Returns how many orders the index holds.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var started = time.GetTimestamp();
            // The watermark is read before the orders: a change committed while they load is applied again after.
            var watermark = await db.TicketChanges.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
            // Streamed oldest first: the texts are shingled on the way and never held all at once.
            var count = await index.RebuildAsync(Rows(db.Tickets.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)).AsAsyncEnumerable(), ct);
            _gaps.Clear();
            Interlocked.Exchange(ref _applied, watermark);
            LogRebuilt(count, watermark, time.GetElapsedTime(started).TotalSeconds);
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
                var changes = await db.TicketChanges.AsNoTracking()
                    .Where(c => c.Sequence > from).OrderBy(c => c.Sequence).Take(BatchSize)
                    .Select(c => new { c.Sequence, c.TicketId })
                    .ToListAsync(ct);
                var fresh = changes.Where(c => c.Sequence > _applied || _gaps.ContainsKey(c.Sequence)).Select(c => c.TicketId).Distinct().ToList();
                TrackGaps(changes.Select(c => c.Sequence).ToList());
                if (fresh.Count > 0)
                {
                    index.Apply(await Rows(db.Tickets.AsNoTracking().Where(t => fresh.Contains(t.Id))).ToListAsync(ct));
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

    /// <summary>What the index reads of each order (public for the benchmark, which times a rebuild in its own process).</summary>
    public static IQueryable<IndexedOrder> Rows(IQueryable<Ticket> tickets) => tickets.Select(t => new IndexedOrder(
        t.Id,
        t.CreatedAt,
        t.Location.DistrictCode,
        t.Location.StreetCode,
        t.Status != TicketStatus.Closed ? IndexedOrderState.Open
            : t.CloseReason == CloseReason.Duplicate || t.CloseReason == CloseReason.Invalid ? IndexedOrderState.Excluded
            : IndexedOrderState.Closed,
        t.Content));

    private void TrackGaps(List<long> seen)
    {
        var now = time.GetUtcNow();
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

        foreach (var stale in _gaps.Where(g => now - g.Value > options.Value.GapTimeout).Select(g => g.Key).ToList())
        {
            _gaps.Remove(stale);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Similarity index rebuilt: {Count} orders, change log at {Watermark}, in {Seconds:0.0} s")]
    private partial void LogRebuilt(int count, long watermark, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Similarity index rebuild failed; retrying")]
    private partial void LogRebuildFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order change-log poll failed; retrying at the next interval")]
    private partial void LogPollFailed(Exception exception);
}
